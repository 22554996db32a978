import fs from "node:fs";
import path from "node:path";
import { describeImageEncoder } from "@jewelguide/model";
import { afterEach, describe, expect, it } from "vitest";
import { decodeFeatureVector } from "../src/featurize/feature-vector-bytes";
import { TEXT_ENCODER } from "../src/featurize/featurize-products";
import { IMAGE_BACKBONE_CACHE } from "../src/featurize/load-cached-image-encoder";
import { loadDenseContent } from "../src/featurize/load-dense-content";
import { createWorkspace, FIXTURES, type Workspace } from "./helpers/temp-workspace";

/** Drawn rings (a gold and a silver annulus on white), made for this test. */
const photo = (name: string) => fs.readFileSync(path.join(FIXTURES, "synthetic-photos", name));

describe("featurize", () => {
  let workspace: Workspace | undefined;
  afterEach(async () => {
    await workspace?.close();
    workspace = undefined;
  });

  it("stores text and image features, survives a corrupt or missing photo, and recomputes only what changed", async () => {
    const ws = await createWorkspace();
    workspace = ws;
    ws.write("data/media/p/ring-a.jpg", photo("gold-ring.jpg"));
    ws.write("data/media/p/ring-b.jpg", photo("silver-ring.jpg"));
    ws.write("data/media/p/broken.jpg", new TextEncoder().encode("this is not a jpeg"));
    const product = (sku: string, titleEn: string, imageUrl: string | null) =>
      ws.db.product.create({
        data: { sku, titleZh: "金戒指", titleEn, category: "ring", metal: "gold", price: 100, imageUrl },
      });
    const ringA = await product("A", "Gold ring", "/media/p/ring-a.jpg");
    const ringB = await product("B", "Gold band", "/media/p/ring-b.jpg");
    const broken = await product("C", "Broken photo ring", "/media/p/broken.jpg");
    const missing = await product("D", "Missing photo ring", "/media/p/nowhere.jpg");
    await product("E", "No photo ring", null);

    const first = await ws.cli("featurize", "--quiet");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("text 5 computed, 0 unchanged");
    expect(first.stdout).toContain("image 2 computed from 2 files");
    expect(first.stderr).toMatch(new RegExp(`warning: product ${broken.id} .*broken\\.jpg could not be decoded`));
    expect(first.stderr).toMatch(new RegExp(`warning: product ${missing.id} \\(D\\).*nowhere\\.jpg`));
    expect(fs.existsSync(path.join(ws.env.dataDir, IMAGE_BACKBONE_CACHE, "model.json"))).toBe(true);
    const rows = await ws.db.productFeature.findMany({ orderBy: [{ productId: "asc" }, { encoder: "asc" }] });
    expect(rows.filter((row) => row.encoder === TEXT_ENCODER)).toHaveLength(5);
    const images = rows.filter((row) => row.encoder !== TEXT_ENCODER);
    expect(images.map((row) => row.productId)).toEqual([ringA.id, ringB.id]);
    for (const row of rows) {
      const vector = decodeFeatureVector(row.vector);
      expect(vector.length).toBe(row.dims);
      expect(vector.some((value) => value !== 0)).toBe(true);
    }

    const second = await ws.cli("featurize", "--quiet");
    expect(second.stdout).toContain("text 0 computed, 5 unchanged");
    expect(second.stdout).toContain("image 0 computed from 0 files, 2 unchanged");

    await ws.db.product.update({ where: { id: ringA.id }, data: { titleEn: "Yellow gold ring" } });
    ws.write("data/media/p/ring-b.jpg", photo("gold-ring.jpg"));
    const third = await ws.cli("featurize", "--quiet");
    expect(third.stdout).toContain("text 1 computed, 4 unchanged");
    expect(third.stdout).toContain("image 2 computed from 1 files, 0 unchanged");
    const [a, b] = await Promise.all(
      [ringA.id, ringB.id].map((productId) =>
        ws.db.productFeature.findFirstOrThrow({ where: { productId, encoder: { not: TEXT_ENCODER } } }),
      ),
    );
    expect(Buffer.from(a?.vector ?? []).equals(Buffer.from(b?.vector ?? []))).toBe(true);

    const productIds = [ringA.id, missing.id];
    const dense = await loadDenseContent(ws.db, productIds);
    expect(dense?.dims).toBe(512 + describeImageEncoder().dims);
    const ringRow = dense?.vectors.subarray(0, dense.dims) ?? new Float32Array();
    const missingRow = dense?.vectors.subarray(dense?.dims ?? 0) ?? new Float32Array();
    expect(ringRow.subarray(512).some((value) => value !== 0)).toBe(true);
    expect(missingRow.subarray(0, 512).some((value) => value !== 0)).toBe(true);
    expect(missingRow.subarray(512).every((value) => value === 0)).toBe(true);
  });
});
