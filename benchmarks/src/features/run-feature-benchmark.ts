import fs from "node:fs";
import path from "node:path";
import type { Db } from "@jewelguide/db";
import {
  createRng,
  decodeJpeg,
  encodeText,
  IMAGE_EMBEDDING_DIMS,
  type ImageEncoder,
  type RgbaImage,
} from "@jewelguide/model";
import type { ProgressReporter } from "@jewelguide/worker/cli";
import { buildProductText } from "@jewelguide/worker/featurize";
import { crossValidateSoftmaxProbe, type ProbeResult } from "./cross-validate-softmax-probe";
import { findCosineNeighbours } from "./find-cosine-neighbours";
import { readLabelledPhotos } from "./read-labelled-photos";

export type FeatureBenchmarkOptions = {
  photoDir: string;
  encoder: ImageEncoder;
  db?: Db;
  /** Queries for the REES46 neighbour check (default 1000). */
  productQueries?: number;
  batchSize?: number;
  log: (text: string) => void;
  /** Reports encoding the photos. */
  progress: ProgressReporter;
};

type Retrieval = { precisionAt10: number; byClass: Record<string, number> };

export type FeatureBenchmarkResult = {
  photos: {
    count: number;
    encoder: string;
    backend: string;
    retrieval: { imageFeature: Retrieval; cnnOnly: Retrieval; colourOnly: Retrieval };
    probes: {
      metalFromEmbedding: ProbeResult;
      gemFromEmbedding: ProbeResult;
      metalFromImageFeature: ProbeResult;
      gemFromImageFeature: ProbeResult;
    };
  };
  throughput: { imagesPerSecond: number; jpegDecodeShare: number; titlesPerSecond: number | null; batchSize: number };
  products: null | {
    count: number;
    queries: number;
    sameCategoryAt10: number;
    sameMetalAt10: number;
    sameCategoryAndMetalAt10: number;
    feature: string;
  };
};

/** Runs the image and text feature checks (see the `features` benchmark command). */
export async function runFeatureBenchmark(options: FeatureBenchmarkOptions): Promise<FeatureBenchmarkResult> {
  const { encoder, log } = options;
  const batchSize = options.batchSize ?? 16;
  const photos = await readLabelledPhotos(options.photoDir);
  log(`${photos.length} photos in ${options.photoDir}`);

  // Encode every photo: decode + resize + CNN + histogram, timed end to end.
  const started = Date.now();
  let decodeMs = 0;
  const dims = encoder.dims;
  const features = new Float32Array(photos.length * dims);
  const photoProgress = options.progress.start("photos", photos.length);
  for (let start = 0; start < photos.length; start += batchSize) {
    const decodeStarted = Date.now();
    const images: RgbaImage[] = photos
      .slice(start, start + batchSize)
      .map((photo) => decodeJpeg(new Uint8Array(fs.readFileSync(path.join(options.photoDir, photo.file)))));
    decodeMs += Date.now() - decodeStarted;
    const vectors = await encoder.encode(images, { batchSize });
    for (const [i, vector] of vectors.entries()) features.set(vector, (start + i) * dims);
    photoProgress.tick(Math.min(start + batchSize, photos.length));
  }
  photoProgress.done();
  const encodeSeconds = (Date.now() - started) / 1000;

  const labels = photos.map((photo) => photo.label);
  const all = photos.map((_, i) => i);
  const slice = (from: number, to: number) => {
    const width = to - from;
    const out = new Float32Array(photos.length * width);
    for (let i = 0; i < photos.length; i++) out.set(features.subarray(i * dims + from, i * dims + to), i * width);
    return { vectors: out, width };
  };
  const cnn = slice(0, IMAGE_EMBEDDING_DIMS);
  const colour = slice(IMAGE_EMBEDDING_DIMS, dims);
  log("leave-one-out retrieval");
  const retrieval = {
    imageFeature: measureRetrieval(findCosineNeighbours(features, photos.length, dims, 10, all), labels),
    cnnOnly: measureRetrieval(findCosineNeighbours(cnn.vectors, photos.length, cnn.width, 10, all), labels),
    colourOnly: measureRetrieval(findCosineNeighbours(colour.vectors, photos.length, colour.width, 10, all), labels),
  };

  log("linear probes (5-fold)");
  const probe = (field: "metal" | "gem", source: { vectors: Float32Array; width: number }) => {
    const rows = photos.flatMap((photo, i) => (photo[field] ? [i] : []));
    const x = new Float32Array(rows.length * source.width);
    for (const [r, i] of rows.entries())
      x.set(source.vectors.subarray(i * source.width, (i + 1) * source.width), r * source.width);
    return crossValidateSoftmaxProbe(
      x,
      source.width,
      rows.map((i) => String(photos[i]?.[field])),
    );
  };
  const full = { vectors: features, width: dims };
  const probes = {
    metalFromEmbedding: probe("metal", cnn),
    gemFromEmbedding: probe("gem", cnn),
    metalFromImageFeature: probe("metal", full),
    gemFromImageFeature: probe("gem", full),
  };

  let titlesPerSecond: number | null = null;
  let products: FeatureBenchmarkResult["products"] = null;
  if (options.db) {
    const catalog = await options.db.product.findMany({
      select: { titleZh: true, titleEn: true, description: true, category: true, metal: true, gem: true, color: true },
      orderBy: { id: "asc" },
    });
    if (catalog.length > 0) {
      log(`${catalog.length} products: text + attribute features`);
      const textStarted = Date.now();
      const textDims = encodeText("").length;
      const vectors = new Float32Array(catalog.length * textDims);
      for (const [i, product] of catalog.entries()) vectors.set(encodeText(buildProductText(product)), i * textDims);
      titlesPerSecond = catalog.length / Math.max((Date.now() - textStarted) / 1000, 0.001);
      const rng = createRng(11);
      const queryCount = Math.min(options.productQueries ?? 1000, catalog.length);
      const queries = new Set<number>();
      while (queries.size < queryCount) queries.add(rng.nextInt(catalog.length));
      const queryList = [...queries];
      const neighbours = findCosineNeighbours(vectors, catalog.length, textDims, 10, queryList);
      let category = 0;
      let metal = 0;
      let both = 0;
      let total = 0;
      for (const [q, list] of neighbours.entries()) {
        const query = catalog[queryList[q] ?? 0];
        for (const j of list) {
          const other = catalog[j];
          if (!query || !other) continue;
          const sameCategory = other.category === query.category;
          const sameMetal = other.metal === query.metal;
          category += sameCategory ? 1 : 0;
          metal += sameMetal ? 1 : 0;
          both += sameCategory && sameMetal ? 1 : 0;
          total++;
        }
      }
      products = {
        count: catalog.length,
        queries: queryList.length,
        sameCategoryAt10: category / Math.max(total, 1),
        sameMetalAt10: metal / Math.max(total, 1),
        sameCategoryAndMetalAt10: both / Math.max(total, 1),
        feature: "text-hashed-lexicon (titles, description, attributes)",
      };
    }
  }

  return {
    photos: {
      count: photos.length,
      encoder: `${encoder.name} ${encoder.version}`,
      backend: encoder.backend,
      retrieval,
      probes,
    },
    throughput: {
      imagesPerSecond: photos.length / encodeSeconds,
      jpegDecodeShare: decodeMs / 1000 / encodeSeconds,
      titlesPerSecond,
      batchSize,
    },
    products,
  };
}

function measureRetrieval(neighbours: Int32Array[], labels: string[]): Retrieval {
  const hits = new Map<string, { hit: number; total: number }>();
  for (const [i, list] of neighbours.entries()) {
    const label = labels[i] ?? "";
    const entry = hits.get(label) ?? { hit: 0, total: 0 };
    for (const j of list) {
      entry.hit += labels[j] === label ? 1 : 0;
      entry.total++;
    }
    hits.set(label, entry);
  }
  let hit = 0;
  let total = 0;
  const byClass: Record<string, number> = {};
  for (const [label, entry] of [...hits].sort()) {
    byClass[label] = entry.hit / Math.max(entry.total, 1);
    hit += entry.hit;
    total += entry.total;
  }
  return { precisionAt10: hit / Math.max(total, 1), byClass };
}
