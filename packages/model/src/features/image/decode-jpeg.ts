import jpeg from "jpeg-js";
import type { RgbaImage } from "./rgb-image";

/** Decodes JPEG bytes in pure JS (no native code). Throws on bytes that are not a readable JPEG. */
export function decodeJpeg(bytes: Uint8Array, maxMegapixels = 64): RgbaImage {
  const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxMegapixels });
  if (decoded.width <= 0 || decoded.height <= 0) throw new Error("JPEG has no pixels");
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}
