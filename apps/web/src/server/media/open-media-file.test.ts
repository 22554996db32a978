import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { detectImageFormat } from "@jewelguide/model/image-format";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerMediaRequest } from "./answer-media-request";

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("JFIF jpeg body")]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("png body")]);
const WEBP = Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 webp body", "latin1");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');

let dir: string;
let media: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jewelguide-media-"));
  media = path.join(dir, "data", "media");
  const write = (name: string, bytes: Uint8Array) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  };
  write("data/media/catalog/ring.jpg", JPEG);
  write("data/media/catalog/ring.png", PNG);
  write("data/media/catalog/ring.webp", WEBP);
  write("data/media/catalog/png-named.svg", PNG);
  write("data/media/catalog/logo.svg", SVG);
  write("data/media/catalog/page.jpg", Buffer.from("<!doctype html><script>alert(1)</script>"));
  write("data/media/catalog/empty.jpg", Buffer.alloc(0));
  write("data/media/catalog/.staging-1a2b-ring.jpg", JPEG);
  write("data/jewelguide.db", Buffer.concat([JPEG, Buffer.from("SQLite format 3")]));
  write("data/media-private/secret.jpg", JPEG);
  write("outside.jpg", JPEG);
  fs.symlinkSync(path.join(dir, "outside.jpg"), path.join(media, "catalog/link-out.jpg"));
  fs.symlinkSync(path.join(dir, "data"), path.join(media, "catalog/up"));
  fs.symlinkSync(path.join(media, "catalog/ring.jpg"), path.join(media, "catalog/link-in.jpg"));
  execFileSync("mkfifo", [path.join(media, "catalog/pipe.jpg")]);
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** GET /media/<urlPath> as Next's catch-all route hands it over: split on "/", each segment percent-decoded. */
function get(urlPath: string, headers: Record<string, string> = {}): Promise<Response> {
  const segments = urlPath.split("/").map((segment) => decodeURIComponent(segment));
  return answerMediaRequest(new Request(`http://shop.test/media/${urlPath}`, { headers }), media, segments);
}

describe("the media route", () => {
  it("serves JPEG, PNG and WebP with the type their bytes say, nosniff and caching headers", async () => {
    for (const [name, type, bytes] of [
      ["ring.jpg", "image/jpeg", JPEG],
      ["ring.png", "image/png", PNG],
      ["ring.webp", "image/webp", WEBP],
      ["png-named.svg", "image/png", PNG],
      ["link-in.jpg", "image/jpeg", JPEG],
    ] as const) {
      const response = await get(`catalog/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-length")).toBe(String(bytes.length));
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    }
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await get("catalog/ring.jpg");
    await first.arrayBuffer();
    const again = await get("catalog/ring.jpg", { "if-none-match": first.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
  });

  it("never serves SVG, HTML, empty files, pipes or hidden temporary files", async () => {
    for (const name of ["logo.svg", "page.jpg", "empty.jpg", "pipe.jpg", "missing.jpg"]) {
      const response = await get(`catalog/${name}`);
      expect(response.status, name).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect((await get("catalog/.staging-1a2b-ring.jpg")).status).toBe(400);
  });

  it("never serves a path outside the media folder: .., encoded .., absolute, symlinks out, NUL", async () => {
    const attempts = [
      "../jewelguide.db",
      "catalog/../../jewelguide.db",
      "%2e%2e/jewelguide.db",
      "catalog/%2E%2E/%2e%2e/jewelguide.db",
      "..%2fjewelguide.db",
      "catalog%2F..%2F..%2Fjewelguide.db",
      "..%5c..%5cjewelguide.db",
      `${encodeURIComponent(path.join(dir, "outside.jpg"))}`,
      "%2Fetc%2Fpasswd",
      "ring.jpg%00.png",
      "catalog/ring.jpg%00",
      "../media-private/secret.jpg",
      ".",
      "",
    ];
    for (const attempt of attempts) {
      const response = await get(attempt);
      expect(response.status, attempt).toBe(400);
      expect(await response.text()).toBe("Bad media path");
    }
    // Symlinks that lead out are refused on the real path, even when the target is a JPEG.
    for (const attempt of ["catalog/link-out.jpg", "catalog/up/jewelguide.db", "catalog/up/media-private/secret.jpg"]) {
      const response = await get(attempt);
      expect(response.status, attempt).toBe(404);
      expect(response.headers.get("content-type")).not.toMatch(/^image\//);
    }
  });
});

describe("detectImageFormat", () => {
  it("knows JPEG, PNG and WebP by their first bytes and nothing else", () => {
    expect(detectImageFormat(JPEG)).toBe("jpeg");
    expect(detectImageFormat(PNG)).toBe("png");
    expect(detectImageFormat(WEBP)).toBe("webp");
    expect(detectImageFormat(SVG)).toBeUndefined();
    expect(detectImageFormat(Buffer.from("RIFF\x10\x00\x00\x00WAVEfmt ", "latin1"))).toBeUndefined();
    expect(detectImageFormat(Buffer.from([0xff, 0xd8]))).toBeUndefined();
    expect(detectImageFormat(Buffer.alloc(0))).toBeUndefined();
  });
});
