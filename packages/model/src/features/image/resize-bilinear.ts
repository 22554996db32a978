import { assertMinLength } from "../../linalg/assert-shape";
import { assertRgbaImage, type RgbaImage } from "./rgb-image";

/**
 * Resizes to size × size (aspect ratio not kept, as the backbone was trained) with bilinear sampling at pixel centres,
 * and writes R, G, B scaled to [0, 1] into `out` at `offset` (size × size × 3 floats, HWC).
 */
export function resizeBilinearInto(image: RgbaImage, size: number, out: Float32Array, offset = 0): void {
  assertRgbaImage(image);
  assertMinLength("resized image output", out, offset + size * size * 3);
  const { width, height, data } = image;
  const scaleX = width / size;
  const scaleY = height / size;
  let o = offset;
  for (let y = 0; y < size; y++) {
    const sy = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), height - 1);
    const y0 = Math.floor(sy);
    const y1 = Math.min(y0 + 1, height - 1);
    const fy = sy - y0;
    for (let x = 0; x < size; x++) {
      const sx = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), width - 1);
      const x0 = Math.floor(sx);
      const x1 = Math.min(x0 + 1, width - 1);
      const fx = sx - x0;
      const a = (y0 * width + x0) * 4;
      const b = (y0 * width + x1) * 4;
      const c = (y1 * width + x0) * 4;
      const d = (y1 * width + x1) * 4;
      for (let ch = 0; ch < 3; ch++) {
        const top = (data[a + ch] as number) * (1 - fx) + (data[b + ch] as number) * fx;
        const bottom = (data[c + ch] as number) * (1 - fx) + (data[d + ch] as number) * fx;
        out[o++] = (top * (1 - fy) + bottom * fy) / 255;
      }
    }
  }
}
