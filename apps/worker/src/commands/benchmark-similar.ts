import fs from "node:fs";
import path from "node:path";
import { createDb, repoRoot } from "@jewelguide/db";
import { deserializeRecommender } from "@jewelguide/model";
import { type ItemAttributes, measureNeighbourAgreement } from "../benchmark/measure-neighbour-agreement";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { parsePositiveInteger, parseVersionId } from "./parse-numeric-flags";

export const benchmarkSimilarCommand = defineCommand({
  name: "benchmark similar",
  summary:
    "Share of 'similar pieces' (a stored version's own item similarity) with the same category and metal; write benchmarks/results/similar.json.",
  help: `Loads a model version (default: the active one) from DATABASE_URL and, for --queries random products (seeded),
takes its top --k most similar items exactly as the shop's "similar pieces" does before filters (for the joint model:
the cosine of the fused item vectors — content features and behaviour), and reports the share of those neighbours with
the same category, the same metal, and both. The product attributes come from the catalog in the same database.`,
  flags: {
    version: { type: "string", valueName: "N", description: "model version id (default: the active version)" },
    queries: { type: "string", valueName: "N", description: "products queried (default 1000)" },
    k: { type: "string", valueName: "K", description: "neighbours per product (default 10)" },
    out: { type: "string", valueName: "PATH", description: "result JSON (default benchmarks/results/similar.json)" },
  },
  async run({ flags, env, stdout }) {
    const queries = flags.queries ? parsePositiveInteger("--queries", flags.queries) : 1000;
    const k = flags.k ? parsePositiveInteger("--k", flags.k) : 10;
    const { db } = createDb(env.databaseUrl);
    try {
      const version = await db.modelVersion.findFirst({
        where: flags.version ? { id: parseVersionId("--version", flags.version) } : { status: "active" },
        select: { id: true, kind: true, params: true, artifact: true },
      });
      if (!version)
        throw new UsageError(
          flags.version ? `model version ${flags.version} does not exist` : "no active model version",
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
        command: `npm run worker -- benchmark similar${process.argv.slice(4).length ? ` ${process.argv.slice(4).join(" ")}` : ""}`,
        version: { id: version.id, kind: version.kind, params: version.params },
        items: model.items.size,
        ...agreement,
      };
      const out = path.resolve(flags.out ?? path.join(repoRoot, "benchmarks", "results", "similar.json"));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
      stdout.write(
        `version ${version.id} (${version.kind}), ${agreement.queries} products, top ${k} similar: ` +
          `same category ${agreement.sameCategory.toFixed(3)}, same metal ${agreement.sameMetal.toFixed(3)}, ` +
          `both ${agreement.sameBoth.toFixed(3)}\nwritten ${path.relative(process.cwd(), out)}\n`,
      );
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
});
