import fs from "node:fs";
import path from "node:path";
import { createDb, repoRoot } from "@jewelguide/db";
import { deserializeRecommender } from "@jewelguide/model";
import type { Output } from "@jewelguide/worker/cli";
import { UsageError } from "@jewelguide/worker/cli";
import { type ItemAttributes, measureNeighbourAgreement } from "./measure-neighbour-agreement";

/** How the result file names this benchmark when no flag was given. */
export const SIMILAR_COMMAND_LINE = "npm run bench -- similar";

export type SimilarBenchmarkRequest = {
  databaseUrl: string;
  /** Model version id (default: the active version). */
  version?: number;
  /** Products queried (default 1000). */
  queries?: number;
  /** Neighbours per product (default 10). */
  k?: number;
  /** Result JSON (default benchmarks/results/similar.json). */
  out?: string;
  /** The command line recorded in the result, to re-run it (default SIMILAR_COMMAND_LINE). */
  commandLine?: string;
};

/**
 * Measures a version's "similar pieces" (its own item similarity, before filters) for random products: the share of
 * neighbours with the same category, metal and both; writes the result JSON and prints one line.
 */
export async function runSimilarBenchmark(request: SimilarBenchmarkRequest, io: { stdout: Output }): Promise<void> {
  const { queries = 1000, k = 10, commandLine = SIMILAR_COMMAND_LINE } = request;
  const { db } = createDb(request.databaseUrl);
  try {
    const version = await db.modelVersion.findFirst({
      where: request.version !== undefined ? { id: request.version } : { status: "active" },
      select: { id: true, kind: true, params: true, artifact: true },
    });
    if (!version)
      throw new UsageError(
        request.version !== undefined ? `model version ${request.version} does not exist` : "no active model version",
      );
    if (!version.artifact) throw new UsageError(`model version ${version.id} has no artifact`);
    if (version.kind === "popularity") throw new UsageError("the popularity model has no item similarity");
    const model = deserializeRecommender(version.artifact);
    const products = await db.product.findMany({ select: { sku: true, category: true, metal: true } });
    const attributes = new Map<string, ItemAttributes>(
      products.map((product) => [product.sku, { category: product.category, metal: product.metal }]),
    );
    const agreement = measureNeighbourAgreement(model, attributes, { queries, k, seed: 17 });
    const result = {
      measuredAt: new Date().toISOString(),
      command: commandLine,
      version: { id: version.id, kind: version.kind, params: version.params },
      items: model.items.size,
      ...agreement,
    };
    const out = path.resolve(request.out ?? path.join(repoRoot, "benchmarks", "results", "similar.json"));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    io.stdout.write(
      `version ${version.id} (${version.kind}), ${agreement.queries} products, top ${k} similar: ` +
        `same category ${agreement.sameCategory.toFixed(3)}, same metal ${agreement.sameMetal.toFixed(3)}, ` +
        `both ${agreement.sameBoth.toFixed(3)}\nwritten ${path.relative(process.cwd(), out)}\n`,
    );
  } finally {
    await db.$disconnect();
  }
}
