import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type ImageResolution = { ok: true; imageUrl: string } | { ok: false; message: string };

/**
 * An http(s) URL is kept as is. A local path (relative to the imported file) is copied to
 * <mediaDir>/catalog/<content hash>-<name> and served as /media/catalog/<content hash>-<name>.
 */
export function resolveImage(image: string, fileDir: string, mediaDir: string): ImageResolution {
  if (/^https?:\/\//i.test(image)) return { ok: true, imageUrl: image };
  if (/^[a-z]+:/i.test(image))
    return { ok: false, message: `${JSON.stringify(image)}: only http(s) URLs or local paths` };
  const source = path.resolve(fileDir, image);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) {
    return { ok: false, message: `image file not found: ${source}` };
  }
  const bytes = fs.readFileSync(source);
  const hash = crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 12);
  const name = `${hash}-${path.basename(source).replace(/[^\w.-]+/g, "_")}`;
  const target = path.join(mediaDir, "catalog", name);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  return { ok: true, imageUrl: `/media/catalog/${name}` };
}
