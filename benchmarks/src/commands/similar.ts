import { defineCommand, parsePositiveInteger, parseVersionId } from "@jewelguide/worker/cli";
import { runSimilarBenchmark } from "../similar/run-similar-benchmark";
import { recordedCommandLine } from "./recorded-command-line";

export const similarCommand = defineCommand({
  name: "similar",
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
    await runSimilarBenchmark(
      {
        databaseUrl: env.databaseUrl,
        version: flags.version ? parseVersionId("--version", flags.version) : undefined,
        queries: flags.queries ? parsePositiveInteger("--queries", flags.queries) : undefined,
        k: flags.k ? parsePositiveInteger("--k", flags.k) : undefined,
        out: flags.out,
        commandLine: recordedCommandLine("similar"),
      },
      { stdout },
    );
    return 0;
  },
});
