import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cosineSimilarity } from "../../text/cosine-similarity";
import { convertBundledMobileNet } from "./convert-bundled-mobilenet";
import { decodeJpeg } from "./decode-jpeg";
import { IMAGE_EMBEDDING_DIMS, type ImageEncoder, loadImageEncoder } from "./load-image-encoder";

const photoDir = path.resolve(
  process.env.JEWELGUIDE_SHARED_DIR ?? path.join(import.meta.dirname, "../../../../../../shared"),
  "data/jewellery-images-5class/images",
);
const hasPhotos = fs.existsSync(photoDir);
const readPhoto = (name: string) => decodeJpeg(new Uint8Array(fs.readFileSync(path.join(photoDir, name))));

describe.skipIf(!hasPhotos)("image encoder on real photos", () => {
  let encoder: ImageEncoder;
  beforeAll(async () => {
    encoder = await loadImageEncoder(await convertBundledMobileNet());
  });
  afterAll(() => encoder?.dispose());

  it("puts two gold rings closer together than a gold ring and a silver-white earring", async () => {
    const [ringA, ringB, earring] = await encoder.encode(
      ["rings_0040.jpg", "rings_0138.jpg", "earrings_0003.jpg"].map(readPhoto),
      { batchSize: 2 },
    );
    if (!ringA || !ringB || !earring) throw new Error("three vectors expected");
    expect(ringA.length).toBe(encoder.dims);
    // Cosine distances (1 − cosine): all photos' vectors share a large common part, so compare ratios, not offsets.
    const distance = (a: Float32Array, b: Float32Array) => 1 - cosineSimilarity(a, b);
    expect(distance(ringA, ringB)).toBeLessThan(distance(ringA, earring) / 4);
    expect(distance(ringA, ringB)).toBeLessThan(distance(ringB, earring) / 4);
  });

  it("returns unit-length embeddings, batch size does not change them, and reports progress", async () => {
    const photos = ["rings_0089.jpg", "earrings_0001.jpg", "necklace_0186.jpg"].map(readPhoto);
    const progress: number[] = [];
    const one = await encoder.embed(photos, { batchSize: 1, onProgress: (done) => progress.push(done) });
    const all = await encoder.embed(photos, { batchSize: 3 });
    expect(progress).toEqual([1, 2, 3]);
    for (const [i, vector] of one.entries()) {
      expect(vector.length).toBe(IMAGE_EMBEDDING_DIMS);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 4);
      const other = all[i];
      if (!other) throw new Error("missing vector");
      expect(cosineSimilarity(vector, other)).toBeGreaterThan(0.9999);
    }
  });
});

describe("decodeJpeg", () => {
  it("throws on bytes that are not a JPEG", () => {
    expect(() => decodeJpeg(new TextEncoder().encode("not a jpeg at all"))).toThrow();
  });
});
