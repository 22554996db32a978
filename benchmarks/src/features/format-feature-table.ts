import type { FeatureBenchmarkResult } from "./run-feature-benchmark";

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The feature benchmark as a plain-text table for the terminal. */
export function formatFeatureTable(result: FeatureBenchmarkResult): string {
  const { photos, throughput, products } = result;
  const rows: [string, string][] = [
    [
      `photos: leave-one-out P@10 same class, image feature (n=${photos.count})`,
      pct(photos.retrieval.imageFeature.precisionAt10),
    ],
    ["photos: P@10, CNN embedding only", pct(photos.retrieval.cnnOnly.precisionAt10)],
    ["photos: P@10, colour histogram only", pct(photos.retrieval.colourOnly.precisionAt10)],
  ];
  for (const [label, value] of Object.entries(photos.retrieval.imageFeature.byClass))
    rows.push([`  P@10 ${label}`, pct(value)]);
  for (const [name, probe] of Object.entries(photos.probes)) {
    rows.push([
      `probe ${name} (n=${probe.n}, ${probe.classes.map((c) => `${c} ${probe.counts[c]}`).join(", ")})`,
      `${pct(probe.accuracy)} (majority ${pct(probe.majorityAccuracy)})`,
    ]);
  }
  rows.push([
    `images/s on ${photos.backend} (decode + resize + CNN + colour, batch ${throughput.batchSize})`,
    `${throughput.imagesPerSecond.toFixed(1)} (JPEG decode ${pct(throughput.jpegDecodeShare)} of the time)`,
  ]);
  rows.push([
    "titles/s (text + attribute feature)",
    throughput.titlesPerSecond === null ? "n/a (no products)" : throughput.titlesPerSecond.toFixed(0),
  ]);
  if (products) {
    rows.push([
      `products: top-10 same category (${products.queries} of ${products.count} queried)`,
      pct(products.sameCategoryAt10),
    ]);
    rows.push(["products: top-10 same metal", pct(products.sameMetalAt10)]);
    rows.push(["products: top-10 same category and metal", pct(products.sameCategoryAndMetalAt10)]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n");
}
