import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jpegBytes, NOT_IMAGES, pngBytes, webpBytes } from "./helpers/image-bytes";
import { mediaFiles } from "./helpers/media-files";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

/** Imports a catalog of one row per image value (sku I-<n>, line n + 1); returns the CLI's stdout. */
async function importImages(images: string[], format: "csv" | "jsonl" = "jsonl"): Promise<string> {
  const rows = images.map((image, index) => ({ sku: `I-${index + 1}`, category: "ring", price: 10, image }));
  const text =
    format === "jsonl"
      ? rows.map((row) => JSON.stringify(row)).join("\n")
      : ["sku,category,price,image", ...rows.map((row) => `${row.sku},ring,10,"${row.image}"`)].join("\n");
  const file = ws.write(`shop/catalog.${format}`, `${text}\n`);
  const result = await ws.cli("import", "catalog", "--file", file, "--quiet");
  expect(result.code).toBe(0);
  return result.stdout;
}

describe("import catalog: where an image may come from", () => {
  it("refuses absolute paths, paths out of the catalog's folder and the database file", async () => {
    ws.write("outside.jpg", jpegBytes("outside"));
    const databaseFile = path.join(ws.dir, "test.db");
    const stdout = await importImages([
      "/proc/self/environ",
      "/etc/passwd",
      "../outside.jpg",
      "photos/../../outside.jpg",
      databaseFile,
      "../test.db",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "data:image/svg+xml,<svg/>",
    ]);
    expect(stdout).toContain('catalog.jsonl:1: column image: "/proc/self/environ": an absolute path');
    expect(stdout).toContain('catalog.jsonl:2: column image: "/etc/passwd": an absolute path');
    expect(stdout).toContain('catalog.jsonl:3: column image: "../outside.jpg": leads outside the file\'s folder');
    expect(stdout).toContain('catalog.jsonl:4: column image: "photos/../../outside.jpg": leads outside');
    expect(stdout).toContain(`catalog.jsonl:5: column image: ${JSON.stringify(databaseFile)}: an absolute path`);
    expect(stdout).toContain('catalog.jsonl:6: column image: "../test.db": leads outside');
    expect(stdout).toContain('catalog.jsonl:7: column image: "file:///etc/passwd": only http(s) URLs');
    expect(stdout).toContain('catalog.jsonl:8: column image: "javascript:alert(1)": only http(s) URLs');
    expect(stdout).toContain('catalog.jsonl:9: column image: "data:image/svg+xml,<svg/>": only http(s) URLs');
    expect(stdout).toContain("rejected: 9");
    expect(await ws.db.product.count()).toBe(0);
    expect(mediaFiles(ws.env)).toEqual([]);
  });

  it("refuses a symlink inside the folder that points out of it, and follows one that stays inside", async () => {
    const outside = ws.write("secret.jpg", jpegBytes("secret"));
    const inside = ws.write("shop/photos/real.jpg", jpegBytes("inside"));
    fs.symlinkSync(outside, path.join(ws.dir, "shop/escape.jpg"));
    fs.symlinkSync(path.join(ws.dir, ".."), path.join(ws.dir, "shop/up"));
    fs.symlinkSync(inside, path.join(ws.dir, "shop/alias.jpg"));
    const stdout = await importImages(["escape.jpg", `up/${path.basename(ws.dir)}/secret.jpg`, "alias.jpg"]);
    expect(stdout).toContain(
      'catalog.jsonl:1: column image: "escape.jpg": is a link that leads outside the file\'s folder',
    );
    expect(stdout).toMatch(/catalog\.jsonl:2: column image: "up\/.*\/secret\.jpg": is a link that leads outside/);
    expect(stdout).toContain("rejected: 2");
    const alias = await ws.db.product.findUniqueOrThrow({ where: { sku: "I-3" } });
    expect(alias.imageUrl).toMatch(/^\/media\/catalog\/[0-9a-f]{12}-alias\.jpg$/);
    expect(mediaFiles(ws.env)).toEqual([alias.imageUrl?.slice("/media/".length)]);
  });

  it("accepts JPEG, PNG and WebP by their bytes whatever the extension, and nothing else", async () => {
    ws.write("shop/a.jpg", jpegBytes("a"));
    ws.write("shop/b.svg", pngBytes());
    ws.write("shop/c.webp", webpBytes());
    for (const [kind, bytes] of Object.entries(NOT_IMAGES)) ws.write(`shop/${kind}.jpg`, bytes);
    fs.mkdirSync(path.join(ws.dir, "shop/folder.jpg"));
    execFileSync("mkfifo", [path.join(ws.dir, "shop/pipe.jpg")]);
    const kinds = Object.keys(NOT_IMAGES);
    const stdout = await importImages([
      "a.jpg",
      "b.svg",
      "c.webp",
      ...kinds.map((kind) => `${kind}.jpg`),
      "folder.jpg",
      "pipe.jpg",
    ]);
    const line = (kind: string) => kinds.indexOf(kind) + 4;
    expect(stdout).toContain(
      `catalog.jsonl:${line("svg")}: column image: "svg.jpg": is not a JPEG, PNG or WebP image by its content (SVG or XML text)`,
    );
    expect(stdout).toContain(
      `catalog.jsonl:${line("xml")}: column image: "xml.jpg": is not a JPEG, PNG or WebP image by its content (SVG or XML text)`,
    );
    expect(stdout).toContain(
      `catalog.jsonl:${line("html")}: column image: "html.jpg": is not a JPEG, PNG or WebP image by its content (HTML)`,
    );
    expect(stdout).toContain(
      `catalog.jsonl:${line("text")}: column image: "text.jpg": is not a JPEG, PNG or WebP image by its content (first bytes`,
    );
    expect(stdout).toContain(
      `catalog.jsonl:${line("elf")}: column image: "elf.jpg": is not a JPEG, PNG or WebP image by its content (an ELF executable)`,
    );
    expect(stdout).toContain(
      `catalog.jsonl:${line("gif")}: column image: "gif.jpg": is not a JPEG, PNG or WebP image by its content (a GIF image)`,
    );
    expect(stdout).toContain(`catalog.jsonl:${line("empty")}: column image: "empty.jpg": is empty`);
    expect(stdout).toContain(`catalog.jsonl:${kinds.length + 4}: column image: "folder.jpg": is not a regular file`);
    expect(stdout).toContain(`catalog.jsonl:${kinds.length + 5}: column image: "pipe.jpg": is not a regular file`);
    expect(stdout).toContain(`rejected: ${kinds.length + 2}`);
    const urls = (await ws.db.product.findMany({ orderBy: { sku: "asc" } })).map((product) => product.imageUrl);
    expect(urls).toEqual([
      expect.stringMatching(/^\/media\/catalog\/[0-9a-f]{12}-a\.jpg$/),
      expect.stringMatching(/^\/media\/catalog\/[0-9a-f]{12}-b\.svg\.png$/),
      expect.stringMatching(/^\/media\/catalog\/[0-9a-f]{12}-c\.webp$/),
    ]);
    expect(mediaFiles(ws.env)).toEqual(urls.map((url) => url?.slice("/media/".length)).sort());
  });

  it("refuses a file over 10 MB", async () => {
    const big = ws.write("shop/big.jpg", jpegBytes("big"));
    fs.truncateSync(big, 10 * 1024 * 1024 + 1);
    const stdout = await importImages(["big.jpg"]);
    expect(stdout).toContain(
      'catalog.jsonl:1: column image: "big.jpg": is 10,485,761 bytes; at most 10,485,760 bytes (10 MiB) allowed',
    );
    expect(mediaFiles(ws.env)).toEqual([]);
  });

  it("refuses NUL bytes and truncates a long value in the message", async () => {
    const long = `${"x/".repeat(700)}photo.jpg`;
    const stdout = await importImages(["a\u0000.jpg", long]);
    expect(stdout).toContain('catalog.jsonl:1: column image: "a\\u0000.jpg": contains a NUL character');
    expect(stdout).toContain(
      `catalog.jsonl:2: column image: ${JSON.stringify(long.slice(0, 60))}… (1,409 characters): image file not found`,
    );
    expect(stdout).not.toContain(long);
  });

  it("stores http(s) URLs as given, never fetched; refuses credentials, spaces and schemes it cannot show", async () => {
    const stdout = await importImages(
      [
        "https://cdn.example.com/p/ring%201.jpg?w=400",
        "HTTP://example.com/a.png",
        "https://user:secret@example.com/a.jpg",
        "https://exa mple.com/a.jpg",
        "http://",
        "https:/relative.jpg",
      ],
      "csv",
    );
    expect(stdout).toContain(
      'catalog.csv:4: column image: "https://user:secret@example.com/a.jpg": the URL may not carry a user name or password',
    );
    expect(stdout).toContain('catalog.csv:5: column image: "https://exa mple.com/a.jpg": a URL may not contain spaces');
    expect(stdout).toContain('catalog.csv:6: column image: "http://": is not a valid URL');
    expect(stdout).toContain('catalog.csv:7: column image: "https:/relative.jpg": is not an http(s) URL');
    expect(stdout).toContain("rejected: 4");
    const urls = (await ws.db.product.findMany({ orderBy: { sku: "asc" } })).map((product) => product.imageUrl);
    expect(urls).toEqual(["https://cdn.example.com/p/ring%201.jpg?w=400", "HTTP://example.com/a.png"]);
    expect(mediaFiles(ws.env)).toEqual([]);
  });
});

describe("import images: the photo set obeys the same rules", () => {
  it("rejects photos outside the set folder, links out, non-images and unsafe or repeated names", async () => {
    const set = path.join(ws.dir, "set");
    ws.write("set/images/rings_0001.jpg", jpegBytes("ring 1"));
    ws.write("set/images/rings_0002.png", pngBytes());
    ws.write("set/images/fake.jpg", NOT_IMAGES.svg ?? Buffer.alloc(0));
    ws.write("set/other/rings_0001.jpg", jpegBytes("same name"));
    ws.write("set/images/.hidden.jpg", jpegBytes("hidden"));
    ws.write("outside.jpg", jpegBytes("outside"));
    fs.symlinkSync(path.join(ws.dir, "outside.jpg"), path.join(set, "images/link.jpg"));
    ws.write(
      "set/labels.csv",
      [
        "file,label",
        "images/rings_0001.jpg,rings",
        "images/rings_0002.png,rings",
        "../outside.jpg,rings",
        "/etc/passwd,rings",
        "images/link.jpg,rings",
        "images/fake.jpg,rings",
        "other/rings_0001.jpg,rings",
        "images/.hidden.jpg,rings",
        "",
      ].join("\n"),
    );
    ws.write("set/attributes.csv", "file,label,description,materials,gemstones,gender\n");
    const result = await ws.cli("import", "images", "--dir", set, "--quiet");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('labels.csv:4: column file: "../outside.jpg": leads outside the file\'s folder');
    expect(result.stdout).toContain('labels.csv:5: column file: "/etc/passwd": an absolute path');
    expect(result.stdout).toContain('labels.csv:6: column file: "images/link.jpg": is a link that leads outside');
    expect(result.stdout).toContain('labels.csv:7: column file: "images/fake.jpg": is not a JPEG, PNG or WebP image');
    expect(result.stdout).toContain(
      'labels.csv:8: column file: "rings_0001.jpg": line 2 already has a photo of that name',
    );
    expect(result.stdout).toContain('labels.csv:9: column file: ".hidden.jpg": a photo\'s name may hold only');
    expect(result.stdout).toContain("rejected: 6");
    expect(mediaFiles(ws.env)).toEqual([
      "jewellery-images-5class/images/rings_0001.jpg",
      "jewellery-images-5class/images/rings_0002.png",
    ]);
    expect(fs.readFileSync(path.join(ws.env.dataDir, "media/jewellery-images-5class/images/rings_0001.jpg"))).toEqual(
      jpegBytes("ring 1"),
    );
  });
});
