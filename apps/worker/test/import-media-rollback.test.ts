import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jpegBytes } from "./helpers/image-bytes";
import { mediaFiles } from "./helpers/media-files";
import { FIXTURES, useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

/** Makes every insert of a product with this sku fail inside the database, so its batch's transaction rolls back. */
async function failInsertsOf(sku: string): Promise<void> {
  await ws.db.$executeRawUnsafe(
    `CREATE TRIGGER "fail_${sku.replace(/\W/g, "_")}" BEFORE INSERT ON "Product" WHEN NEW."sku" = '${sku}'
     BEGIN SELECT RAISE(ABORT, 'forced failure for the test'); END`,
  );
}

/** The name the catalog importer gives a photo: its content hash and file name. */
function catalogName(bytes: Buffer, name: string): string {
  return `catalog/${crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 12)}-${name}`;
}

describe("import catalog: photos of a batch that does not land are removed", () => {
  it("removes the batch's copies when its database write fails, and restores a file it replaced", async () => {
    const a = ws.write("shop/a.jpg", jpegBytes("a"));
    ws.write("shop/b.jpg", jpegBytes("b"));
    // A damaged file already sits under a's content-addressed name: the batch replaces it, then must put it back.
    const damaged = path.join(ws.env.dataDir, "media", catalogName(fs.readFileSync(a), "a.jpg"));
    fs.mkdirSync(path.dirname(damaged), { recursive: true });
    fs.writeFileSync(damaged, "older bytes other rows may point at");
    await failInsertsOf("BOOM");
    const file = ws.write("shop/catalog.csv", "sku,category,price,image\nA,ring,1,a.jpg\nBOOM,ring,2,b.jpg\n");
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: PrismaClientKnownRequestError");
    expect(await ws.db.product.count()).toBe(0);
    expect(mediaFiles(ws.env)).toEqual([path.relative(path.join(ws.env.dataDir, "media"), damaged)]);
    expect(fs.readFileSync(damaged, "utf8")).toBe("older bytes other rows may point at");
    expect((await ws.db.importRun.findFirstOrThrow()).status).toBe("failed");
  });

  it("keeps the photos of batches that committed and removes only those of the failed one", async () => {
    const a = ws.write("shop/a.jpg", jpegBytes("a"));
    const b = ws.write("shop/b.jpg", jpegBytes("b"));
    await failInsertsOf("BOOM");
    const file = ws.write("shop/catalog.csv", "sku,category,price,image\nA,ring,1,a.jpg\nBOOM,ring,2,b.jpg\n");
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet", "--batch-size", "1");
    expect(result.code).toBe(1);
    const stored = await ws.db.product.findUniqueOrThrow({ where: { sku: "A" } });
    expect(stored.imageUrl).toBe(`/media/${catalogName(fs.readFileSync(a), "a.jpg")}`);
    expect(mediaFiles(ws.env)).toEqual([catalogName(fs.readFileSync(a), "a.jpg")]);
    expect(mediaFiles(ws.env)).not.toContain(catalogName(fs.readFileSync(b), "b.jpg"));
  });

  it("removes the batch's copies when the import stops inside the batch (--on-error stop)", async () => {
    ws.write("shop/a.jpg", jpegBytes("a"));
    ws.write("shop/bad.jpg", "<svg/>");
    const file = ws.write("shop/catalog.csv", "sku,category,price,image\nA,ring,1,a.jpg\nB,ring,2,bad.jpg\n");
    const result = await ws.cli("import", "catalog", "--file", file, "--quiet", "--on-error", "stop");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('catalog.csv:3: column image: "bad.jpg": is not a JPEG, PNG or WebP image');
    expect(await ws.db.product.count()).toBe(0);
    expect(mediaFiles(ws.env)).toEqual([]);
  });

  it("leaves no staging or backup file behind when everything lands", async () => {
    ws.write("shop/a.jpg", jpegBytes("a"));
    const file = ws.write("shop/catalog.csv", "sku,category,price,image\nA,ring,1,a.jpg\nB,ring,2,a.jpg\n");
    expect((await ws.cli("import", "catalog", "--file", file, "--quiet")).code).toBe(0);
    expect((await ws.cli("import", "catalog", "--file", file, "--quiet")).stdout).toContain(
      "0 new, 0 updated, 2 unchanged",
    );
    expect(mediaFiles(ws.env)).toEqual([catalogName(jpegBytes("a"), "a.jpg")]);
  });
});

describe("import images: photos of a batch that does not land are removed", () => {
  it("removes the failed batch's copies and puts back a photo it replaced", async () => {
    const photos = path.join(FIXTURES, "photo-set");
    const media = path.join(ws.env.dataDir, "media", "jewellery-images-5class", "images");
    fs.mkdirSync(media, { recursive: true });
    const previous = jpegBytes("the photo an earlier import stored");
    fs.writeFileSync(path.join(media, "necklace_0001.jpg"), previous);
    await failInsertsOf("img-wristwatch_0001");
    // labels.csv lists rings_0001, rings_0002, earrings_0001 | necklace_0001, wristwatch_0001, bracelet_0001.
    const result = await ws.cli("import", "images", "--dir", photos, "--quiet", "--batch-size", "3");
    expect(result.code).toBe(1);
    const stored = (await ws.db.product.findMany({ orderBy: { sku: "asc" } })).map((product) => product.sku);
    expect(stored).toEqual(["img-earrings_0001", "img-rings_0001", "img-rings_0002"]);
    expect(mediaFiles(ws.env)).toEqual(
      ["earrings_0001.jpg", "necklace_0001.jpg", "rings_0001.jpg", "rings_0002.jpg"].map(
        (name) => `jewellery-images-5class/images/${name}`,
      ),
    );
    expect(fs.readFileSync(path.join(media, "necklace_0001.jpg"))).toEqual(previous);
  });
});

describe("demo: photos copied for a run that fails are removed", () => {
  it("removes every copied photo when the REES46 file stops the run before any product is stored", async () => {
    const bad = ws.write("bad.csv", "not,the,rees46,header\n");
    const result = await ws.cli("demo", "--file", bad, "--photos", path.join(FIXTURES, "photo-set"), "--quiet");
    expect(result.code).toBe(1);
    expect(await ws.db.product.count()).toBe(0);
    expect(mediaFiles(ws.env)).toEqual([]);
  });

  it("keeps the photos stored products point at when a later batch fails", async () => {
    await failInsertsOf("1835566854827934449");
    const rees46 = path.join(FIXTURES, "rees46-small.csv");
    const result = await ws.cli(
      "demo",
      "--file",
      rees46,
      "--photos",
      path.join(FIXTURES, "photo-set"),
      "--quiet",
      "--batch-size",
      "1",
    );
    expect(result.code).toBe(1);
    const urls = (await ws.db.product.findMany()).map((product) => product.imageUrl).filter((url) => url !== null);
    expect(urls.length).toBeGreaterThan(0);
    expect(mediaFiles(ws.env)).toEqual([...new Set(urls.map((url) => url.slice("/media/".length)))].sort());
  });
});
