import fs from "node:fs";
import path from "node:path";
import { FIXTURES } from "./temp-workspace";

/** A real JPEG (the fixture photo), with a comment so each call can give different bytes. */
export function jpegBytes(comment = "test"): Buffer {
  const base = fs.readFileSync(path.join(FIXTURES, "synthetic-photos", "gold-ring.jpg"));
  const text = Buffer.from(comment);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(text.length + 2);
  return Buffer.concat([base.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, text, base.subarray(2)]);
}

/** Bytes that start like a PNG (the signature and an IHDR chunk header). */
export function pngBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from("0000000dIHDR", "latin1"),
    Buffer.alloc(20, 1),
  ]);
}

/** Bytes that start like a WebP (RIFF, a size, WEBP, a VP8 chunk header). */
export function webpBytes(): Buffer {
  return Buffer.concat([
    Buffer.from("RIFF", "latin1"),
    Buffer.from([24, 0, 0, 0]),
    Buffer.from("WEBPVP8 ", "latin1"),
    Buffer.alloc(16, 2),
  ]);
}

/** Files that must never be published as photos, whatever their name says. */
export const NOT_IMAGES: Record<string, Buffer> = {
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  xml: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
  html: Buffer.from("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"),
  text: Buffer.from("DATABASE_URL=file:/srv/jewelguide.db\nJEWELGUIDE_SECRET=hunter2\n"),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]),
  gif: Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"),
  empty: Buffer.alloc(0),
};
