import { defineCommand, parseConfigFlag } from "@jewelguide/worker/cli";
import { OFFLINE_PROTOCOL } from "@jewelguide/worker/training";
import { CONTENT_VARIANTS, runContentBenchmark } from "../content/run-content-benchmark";

export const contentCommand = defineCommand({
  name: "content",
  summary:
    "Joint model without / with stored text / text + photo features on the shop's data; write benchmarks/results/content-features.json.",
  help: `On the shop in DATABASE_URL (the demo shop: REES46 purchases with derived titles and illustrative photos, after
featurize), trains the joint model with its defaults three times — no stored features, the text feature, text + photo
feature (current encoder versions) through the item tower's learned projection — each on the offline protocol of
train and the REES46 benchmark: early stopping on validation NDCG@20, refit on train + validation for that many
epochs, test scored once. Reports Recall@20, NDCG@20 and cold-item Recall@20 (test targets never seen in training).
Protocol: ${OFFLINE_PROTOCOL}.`,
  flags: {
    variants: {
      type: "string",
      valueName: "A,B",
      description: `run only these (default: ${CONTENT_VARIANTS.map((variant) => variant.name).join(",")})`,
    },
    config: { type: "string", valueName: "JSON", description: "joint config overrides for every variant" },
    out: {
      type: "string",
      valueName: "PATH",
      description: "result JSON (default benchmarks/results/content-features.json)",
    },
    quiet: { type: "boolean", description: "no progress output" },
  },
  async run({ flags, env, stdout, stderr }) {
    await runContentBenchmark(
      {
        databaseUrl: env.databaseUrl,
        variants: flags.variants?.split(",").map((name) => name.trim()),
        config: parseConfigFlag(flags.config),
        out: flags.out,
        quiet: flags.quiet,
      },
      { stdout, stderr },
    );
    return 0;
  },
});
