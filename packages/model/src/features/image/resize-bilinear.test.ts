import { describe, expect, it } from "vitest";
import { resizeBilinearInto } from "./resize-bilinear";

describe("resizeBilinearInto", () => {
  const image = { width: 2, height: 1, data: Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 255]) };

  it("keeps a picture of the target size and averages neighbours when shrinking", () => {
    const same = new Float32Array(2 * 2 * 3);
    resizeBilinearInto({ width: 2, height: 2, data: Uint8Array.from([...image.data, ...image.data]) }, 2, same);
    expect(Array.from(same.subarray(0, 6))).toEqual([1, 0, 0, 0, 0, 1]);
    const one = new Float32Array(3);
    resizeBilinearInto(image, 1, one);
    expect(Array.from(one)).toEqual([0.5, 0, 0.5]);
  });

  it("refuses pixel data that does not match the size, or an output too short, instead of sampling zeros", () => {
    expect(() => resizeBilinearInto({ ...image, data: new Uint8Array(7) }, 1, new Float32Array(3))).toThrow(
      "An RGBA image of 2 × 1 needs 8 bytes; got 7.",
    );
    expect(() => resizeBilinearInto({ ...image, width: 0 }, 1, new Float32Array(3))).toThrow(
      "An RGBA image must have a positive integer size; got 0 × 1.",
    );
    expect(() => resizeBilinearInto(image, 2, new Float32Array(12), 3)).toThrow(
      "resized image output has length 12; expected at least 15.",
    );
  });
});
