import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countRows, FIXTURES, useFreshWorkspace } from "./helpers/temp-workspace";

const PHOTOS = path.join(FIXTURES, "photo-set");
const NEWCHIC = path.join(FIXTURES, "newchic-small.csv");
const REES46 = path.join(FIXTURES, "rees46-small.csv");

const ws = useFreshWorkspace();

describe("import images", () => {
  it("turns each photo into a product and copies it into the media folder; twice changes nothing", async () => {
    const result = await ws.cli("import", "images", "--dir", PHOTOS, "--quiet");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("photos: 6 (3 with attributes), 6 copied");
    const ring = await ws.db.product.findUniqueOrThrow({ where: { sku: "img-rings_0001" } });
    expect(ring).toMatchObject({
      category: "ring",
      metal: "rose-gold",
      gem: "pearl",
      gender: "female",
      price: 0,
      source: "images",
      titleEn: "Rose gold pearl ring",
      description: "rose gold with a central pearl",
      imageUrl: "/media/jewellery-images-5class/images/rings_0001.jpg",
    });
    expect(ring.attributes).toMatchObject({ priceKnown: false });
    expect(fs.existsSync(path.join(ws.env.dataDir, "media/jewellery-images-5class/images/rings_0001.jpg"))).toBe(true);
    expect((await ws.db.product.findUniqueOrThrow({ where: { sku: "img-wristwatch_0001" } })).category).toBe("watch");
    const again = await ws.cli("import", "images", "--dir", PHOTOS, "--quiet");
    expect(again.stdout).toContain("products: 0 new, 0 updated, 6 unchanged");
  });

  it("exits 2 when the folder lacks labels.csv", async () => {
    const result = await ws.cli("import", "images", "--dir", ws.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`file not found: ${path.join(ws.dir, "labels.csv")}`);
  });
});

describe("import newchic", () => {
  it("merges an id listed twice and maps French subcategories", async () => {
    const result = await ws.cli("import", "newchic", "--file", NEWCHIC, "--quiet");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("rows read: 5");
    expect(result.stdout).toContain("rows repeating an id (merged): 1");
    const watch = await ws.db.product.findUniqueOrThrow({ where: { sku: "newchic-1692610" } });
    expect(watch).toMatchObject({
      category: "watch",
      price: 42.99,
      brand: "XIAOMI",
      description: "Global Version Xiaomi Mi bande 5",
    });
    expect(watch.imageUrl).toMatch(/^https:\/\//);
    expect(watch.attributes).toMatchObject({ nameFr: "Global Version Xiaomi Mi bande 5", likesCount: 27 });
    const necklace = await ws.db.product.findUniqueOrThrow({ where: { sku: "newchic-1513785" } });
    expect(necklace).toMatchObject({ category: "necklace", titleEn: "Necklace", titleZh: "项链" });
    expect((await ws.cli("import", "newchic", "--file", NEWCHIC, "--quiet")).stdout).toContain(
      "0 new, 0 updated, 4 unchanged",
    );
  });
});

describe("demo", () => {
  it("imports REES46 with illustrative photos of each category; a second run changes nothing", async () => {
    const result = await ws.cli("demo", "--file", REES46, "--photos", PHOTOS, "--quiet");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(await countRows(ws.db)).toEqual({ products: 7, users: 6, interactions: 8 });
    const earrings = await ws.db.product.findUniqueOrThrow({ where: { sku: "1842195256808833386" } });
    expect(earrings.imageUrl).toBe("/media/jewellery-images-5class/images/earrings_0001.jpg");
    expect(earrings.attributes).toMatchObject({ photoIllustrative: true });
    // The white-gold stud earring is an earring; the pendant gets a necklace photo; "other" gets none.
    const pendant = await ws.db.product.findUniqueOrThrow({ where: { sku: "1842214461889315556" } });
    expect(pendant.imageUrl).toBe("/media/jewellery-images-5class/images/necklace_0001.jpg");
    const other = await ws.db.product.findUniqueOrThrow({ where: { sku: "1835566854827934449" } });
    expect(other.imageUrl).toBeNull();
    expect(await ws.db.product.count({ where: { source: "images" } })).toBe(0);
    const before = await ws.db.product.findMany({ orderBy: { sku: "asc" } });
    const again = await ws.cli("demo", "--file", REES46, "--photos", PHOTOS, "--quiet");
    expect(again.stdout).toContain("products: 7 (0 new, 0 updated, 7 unchanged)");
    expect(await ws.db.product.findMany({ orderBy: { sku: "asc" } })).toEqual(before);
  });

  it("prefers a photo whose metal matches", async () => {
    const file = ws.write(
      "ring.csv",
      `${fs.readFileSync(REES46, "utf8").split("\n")[0]}\n2019-01-01 00:00:00 UTC,1,42,1,1,jewelry.ring,0,10.00,7,f,red,gold,\n`,
    );
    await ws.cli("demo", "--file", file, "--photos", PHOTOS, "--quiet");
    const ring = await ws.db.product.findUniqueOrThrow({ where: { sku: "42" } });
    expect(ring).toMatchObject({
      metal: "rose-gold",
      imageUrl: "/media/jewellery-images-5class/images/rings_0001.jpg",
    });
  });
});
