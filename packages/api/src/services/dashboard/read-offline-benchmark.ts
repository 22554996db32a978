import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@jewelguide/db";
import { z } from "zod";

const METRICS = ["recall@20", "ndcg@20", "precision@20", "recall@10", "ndcg@10", "cold_recall@20"] as const;

const BenchmarkFileSchema = z.object({
  protocol: z.string(),
  file: z.string().optional(),
  models: z.record(z.string(), z.record(z.string(), z.unknown())),
});

export type OfflineBenchmarkRow = {
  name: string;
  role: "baseline" | "joint" | "ablation";
  metrics: Record<string, number>;
};
export type OfflineBenchmark = { protocol: string; file: string | null; rows: OfflineBenchmarkRow[] };

export const DEFAULT_BENCHMARK_FILE = path.join(repoRoot, "benchmarks", "results", "rees46.json");

/**
 * The recorded REES46 benchmark (`npm run bench -- rees46`): every baseline, the joint model and its
 * ablations on the same protocol, as the dashboard shows them beside the stored versions. Null when never run.
 */
export function readOfflineBenchmark(file = DEFAULT_BENCHMARK_FILE): OfflineBenchmark | null {
  // A result file read at run time, not a build asset: the comments keep Next's build from tracing the whole project.
  if (!fs.existsSync(/* turbopackIgnore: true */ file)) return null;
  const text = fs.readFileSync(/* turbopackIgnore: true */ file, "utf8");
  const parsed = BenchmarkFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not a benchmark result: ${parsed.error.issues[0]?.message ?? ""}`);
  const rows = Object.entries(parsed.data.models).map(([name, values]): OfflineBenchmarkRow => {
    const metrics: Record<string, number> = {};
    for (const metric of METRICS) {
      const value = values[metric];
      if (typeof value === "number") metrics[metric] = value;
    }
    return { name, role: name === "joint" ? "joint" : name.startsWith("joint-") ? "ablation" : "baseline", metrics };
  });
  return { protocol: parsed.data.protocol, file: parsed.data.file ?? null, rows };
}
