import { describe, expect, it } from "vitest";
import { COLOUR_BINS, computeColourHistogram } from "./compute-colour-histogram";
import type { RgbaImage } from "./rgb-image";

/** A white studio background with a centred disc of `colour`, shaded a little so not every pixel is the same. */
function drawDisc(colour: [number, number, number], size = 64): RgbaImage {
  const data = new Uint8Array(size * size * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x - size / 2;
      const dy = y - size / 2;
      if (dx * dx + dy * dy > (size / 3) ** 2) continue;
      const shade = 0.8 + (0.2 * x) / size;
      const p = (y * size + x) * 4;
      data[p] = Math.round(colour[0] * shade);
      data[p + 1] = Math.round(colour[1] * shade);
      data[p + 2] = Math.round(colour[2] * shade);
    }
  }
  return { width: size, height: size, data };
}

const bin = (name: (typeof COLOUR_BINS)[number]) => COLOUR_BINS.indexOf(name);

describe("computeColourHistogram", () => {
  it("separates a gold piece from a silver one and ignores the white background", () => {
    const gold = computeColourHistogram(drawDisc([212, 175, 55]));
    const silver = computeColourHistogram(drawDisc([192, 192, 196]));
    expect(gold.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(silver.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(gold[bin("yellow-gold")]).toBeGreaterThan(0.9);
    expect((silver[bin("white-silver")] ?? 0) + (silver[bin("grey")] ?? 0)).toBeGreaterThan(0.9);
    let overlap = 0;
    for (let i = 0; i < gold.length; i++) overlap += Math.min(gold[i] ?? 0, silver[i] ?? 0);
    expect(overlap).toBeLessThan(0.1);
  });

  it("puts rose gold and a blue gem in their own bins", () => {
    expect(computeColourHistogram(drawDisc([225, 170, 150]))[bin("rose-gold")]).toBeGreaterThan(0.9);
    expect(computeColourHistogram(drawDisc([30, 60, 200]))[bin("blue")]).toBeGreaterThan(0.9);
  });

  it("uses every pixel of an all-white picture instead of returning nothing", () => {
    const white = computeColourHistogram({ width: 2, height: 2, data: new Uint8Array(16).fill(255) });
    expect(white[bin("white-silver")]).toBe(1);
  });

  it("refuses pixel data that does not match the picture's size", () => {
    expect(() => computeColourHistogram({ width: 2, height: 2, data: new Uint8Array(12) })).toThrow(
      "An RGBA image of 2 × 2 needs 16 bytes; got 12.",
    );
  });
});
