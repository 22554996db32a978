/** A decoded picture: `data` holds width × height pixels of 4 bytes (R, G, B, A), row by row. */
export type RgbaImage = { width: number; height: number; data: Uint8Array };

/** The picture has at least one pixel and exactly 4 bytes per pixel, so pixel reads need no fallback. */
export function assertRgbaImage(image: RgbaImage): void {
  const { width, height, data } = image;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new Error(`An RGBA image must have a positive integer size; got ${width} × ${height}.`);
  }
  if (data.length !== width * height * 4) {
    throw new Error(`An RGBA image of ${width} × ${height} needs ${width * height * 4} bytes; got ${data.length}.`);
  }
}
