import fs from "node:fs";
import path from "node:path";
import { createDb, repoRoot } from "@jewelguide/db";
import { createProgressReporter, defineCommand, UsageError } from "@jewelguide/worker/cli";
import { loadCachedImageEncoder } from "@jewelguide/worker/featurize";
import { runContentBenchmark } from "../content/run-content-benchmark";
import { formatFeatureTable } from "../features/format-feature-table";
import { runFeatureBenchmark } from "../features/run-feature-benchmark";
import { runSimilarBenchmark } from "../similar/run-similar-benchmark";

export const featuresCommand = defineCommand({
  name: "features",
  summary:
    "Measure the image and text features (retrieval, linear probes, throughput, similar items); write benchmarks/results/features.json.",
  help: `On the photo set (jewellery-images-5class in the shared data): leave-one-out retrieval Precision@10 of the same
class by cosine on the image feature (and on its CNN and colour parts alone); for the photos with attributes, metal
(gold / white / rose) and gem (none / diamond / pearl / coloured) accuracy of a softmax linear probe on the image
embedding, 5-fold cross-validated, with the majority-class baseline; images/s and titles/s on this machine. With
products in DATABASE_URL (e.g. after \`demo\`): share of the top-10 neighbours by the text + attribute feature with
the query's category and metal. With --with-joint, the one command for every feature number in BENCHMARKS.md §5: it
then runs the \`content\` benchmark (the joint model without / with the stored text and photo features on the shop's
data, cold-item Recall@20) and the \`similar\` benchmark (the active version's similar pieces: same category / metal).`,
  flags: {
    photos: { type: "string", valueName: "DIR", description: "photo set folder (default: shared data)" },
    queries: { type: "string", valueName: "N", description: "product queries for the neighbour check (default 1000)" },
    "no-products": { type: "boolean", description: "skip the product neighbour check" },
    "with-joint": {
      type: "boolean",
      description:
        "then also the `content` benchmark (joint model without / with the stored features, ~25 min) and `similar`",
    },
    out: { type: "string", valueName: "PATH", description: "result JSON (default benchmarks/results/features.json)" },
    quiet: { type: "boolean", description: "no progress output" },
  },
  async run({ flags, env, stdout, stderr }) {
    const photoDir = path.resolve(flags.photos ?? path.join(env.sharedDir, "data", "jewellery-images-5class"));
    if (!fs.existsSync(path.join(photoDir, "labels.csv"))) throw new UsageError(`no labels.csv in ${photoDir}`);
    const queries = flags.queries ? Number(flags.queries) : 1000;
    if (!Number.isInteger(queries) || queries <= 0) throw new UsageError("--queries must be a positive integer");
    const out = path.resolve(flags.out ?? path.join(repoRoot, "benchmarks", "results", "features.json"));
    const reporter = createProgressReporter({ out: stderr, enabled: !flags.quiet, tag: "benchmark features" });
    const log = reporter.note;
    const encoder = await loadCachedImageEncoder(env.dataDir, log);
    const handle = flags["no-products"] ? undefined : createDb(env.databaseUrl);
    try {
      const result = await runFeatureBenchmark({
        photoDir,
        encoder,
        db: handle?.db,
        productQueries: queries,
        log,
        progress: reporter,
      });
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...result }, null, 2)}\n`);
      stdout.write(`${formatFeatureTable(result)}\nwritten ${path.relative(process.cwd(), out)}\n`);
      if (!flags["with-joint"]) return 0;
      await runContentBenchmark({ databaseUrl: env.databaseUrl, config: {}, quiet: false }, { stdout, stderr });
      await runSimilarBenchmark({ databaseUrl: env.databaseUrl }, { stdout });
      return 0;
    } finally {
      encoder.dispose();
      await handle?.db.$disconnect();
    }
  },
});
