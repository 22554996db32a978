import fs from "node:fs";
import path from "node:path";
import { createDb, repoRoot } from "@jewelguide/db";
import { MAX_EXPLORATION_SLOTS } from "@jewelguide/model/exploration";
import { defineCommand, parsePositiveInteger, UsageError } from "@jewelguide/worker/cli";
import { defaultRees46File } from "@jewelguide/worker/ingest";
import { loadTrainingData } from "@jewelguide/worker/training";
import { ATTRACTION } from "../exploration/click-model";
import { formatExplorationTable } from "../exploration/format-exploration-table";
import {
  type ExplorationBenchmarkOptions,
  type ExplorationBenchmarkResult,
  runExplorationBenchmark,
  SIMULATION_MODELS,
  type SimulationModelName,
} from "../exploration/run-exploration-benchmark";
import { importRees46Database, rees46DatabaseUrl } from "../rees46/import-rees46-database";
import { recordedCommandLine } from "./recorded-command-line";

const DEFAULTS: ExplorationBenchmarkOptions = {
  model: "itemknn",
  simulatedShare: 0.2,
  heldOutItemShare: 0.1,
  unsoldShare: 1,
  days: 10,
  maxShoppers: 5_000,
  seeds: [0, 1, 2],
  shares: [0, 1, 2, 3],
  validationDays: 5,
  feedShare: 1,
};

export const explorationCommand = defineCommand({
  name: "exploration",
  summary:
    "Simulate greedy vs exploring feeds on REES46 shoppers (purchases, coverage, new-item discovery) and validate the off-policy estimators; write benchmarks/results/exploration.json.",
  help: `Imports the REES46 file into the benchmark database (as \`rees46\` does), cuts its purchases in time: the
latest ${DEFAULTS.simulatedShare * 100} % are the simulated period, the rest trains the served model (--model). A seeded
${DEFAULTS.heldOutItemShare * 100} % of the items sold in both periods lose their training rows and join the items first
sold in the period as new items; as many never-sold products (copies of seeded catalog items' attributes, bought by
nobody; --unsold-share) join the catalog beside them, since a real shop's new products include ones that never sell.
Every shopper who buys in the period at two different times is simulated: they arrive
on the day of their first purchase there, having bought it, and visit every simulated day after; each visit serves a
12-slot feed (the shop's rules) from the model, folding in their simulated clicks and purchases, and a position-based
click model decides: a shown real later purchase is bought when clicked. Each exploration share (slots of 12) runs
over the same shoppers with each seed; the evidence (impressions, clicks) updates the bandit between days. The default
share's run logs decisions for the off-policy validation (its last ${DEFAULTS.validationDays} days): IPS / SNIPS / DR
estimates of other policies' click rates are checked against what those policies earn on the same visits. Each --model's results are merged into the file under
its name, so the two models can be run one after the other.`,
  flags: {
    file: {
      type: "string",
      valueName: "PATH",
      description: "REES46 file (default: the normalized .csv.xz in shared data)",
    },
    out: {
      type: "string",
      valueName: "PATH",
      description: "result JSON (default benchmarks/results/exploration.json)",
    },
    model: {
      type: "string",
      valueName: "NAME",
      description: `the served model: ${Object.keys(SIMULATION_MODELS).join(" or ")} (default ${DEFAULTS.model})`,
    },
    days: { type: "string", valueName: "N", description: `simulated days (default ${DEFAULTS.days})` },
    shoppers: {
      type: "string",
      valueName: "N",
      description: `at most N simulated shoppers, a seeded sample (default ${DEFAULTS.maxShoppers}: all of them)`,
    },
    seeds: { type: "string", valueName: "A,B", description: `seeds (default ${DEFAULTS.seeds.join(",")})` },
    shares: {
      type: "string",
      valueName: "A,B",
      description: `exploration shares, slots of 12 from 0 to ${MAX_EXPLORATION_SLOTS} (default ${DEFAULTS.shares.join(",")})`,
    },
    "feed-share": {
      type: "string",
      valueName: "Q",
      description:
        "explore in this share of the feeds only, the others greedy (a design measurement; default 1: every feed)",
    },
    "unsold-share": {
      type: "string",
      valueName: "Q",
      description: `never-sold products added, as a share of the new items, 0 to 10 (default ${DEFAULTS.unsoldShare}: as many)`,
    },
    "print-table": { type: "boolean", description: "only print the Markdown tables of the result JSON" },
  },
  async run({ flags, env, stdout, stderr }) {
    const out = path.resolve(flags.out ?? path.join(repoRoot, "benchmarks", "results", "exploration.json"));
    if (flags["print-table"]) {
      if (!fs.existsSync(out)) throw new UsageError(`--print-table: no result file at ${out}; run the benchmark first`);
      stdout.write(`${formatExplorationTables(JSON.parse(fs.readFileSync(out, "utf8")) as ResultFile)}\n`);
      return 0;
    }
    const options: ExplorationBenchmarkOptions = {
      ...DEFAULTS,
      ...(flags.model === undefined ? {} : { model: parseModel(flags.model) }),
      ...(flags.days === undefined ? {} : { days: parsePositiveInteger("--days", flags.days) }),
      ...(flags.shoppers === undefined ? {} : { maxShoppers: parsePositiveInteger("--shoppers", flags.shoppers) }),
      ...(flags.seeds === undefined ? {} : { seeds: parseList("--seeds", flags.seeds) }),
      ...(flags.shares === undefined ? {} : { shares: parseShares(flags.shares) }),
      ...(flags["feed-share"] === undefined ? {} : { feedShare: parseFeedShare(flags["feed-share"]) }),
      ...(flags["unsold-share"] === undefined ? {} : { unsoldShare: parseUnsoldShare(flags["unsold-share"]) }),
    };
    if (options.validationDays > options.days) options.validationDays = options.days;
    const file = flags.file ?? defaultRees46File(env.sharedDir);
    const imported = await importRees46Database({ env, stderr }, file);
    if (imported !== 0) return imported;
    const { db } = createDb(rees46DatabaseUrl(env.dataDir));
    const data = await loadTrainingData(db).finally(() => db.$disconnect());
    const purchases = data.interactions.filter((row) => row.type === "purchase");
    const result = await runExplorationBenchmark(data.catalog, purchases, options, (text) =>
      stderr.write(`[exploration] ${text}\n`),
    );
    const previous = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, "utf8")) as ResultFile) : undefined;
    const body: ResultFile = {
      click_model: { examination: "1 / log2(slot + 2), slot 0-based", attraction: ATTRACTION },
      file: path.basename(file),
      models: {
        ...previous?.models,
        [options.model]: {
          command: recordedCommandLine("exploration"),
          served_model: SIMULATION_MODELS[options.model],
          options,
          ...result,
        },
      },
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(body, null, 2)}\n`);
    stdout.write(`${formatExplorationTables(body)}\nwritten ${path.relative(process.cwd(), out)}\n`);
    return 0;
  },
});

/** exploration.json: the click model, the data file, and each served model's run (merged run by run). */
type ResultFile = {
  click_model: unknown;
  file: string;
  models: Record<string, ModelRun>;
};
type ModelRun = ExplorationBenchmarkResult & {
  command: string;
  served_model: unknown;
  options: ExplorationBenchmarkOptions;
};

/** Each served model's tables, under its name. */
function formatExplorationTables(file: ResultFile): string {
  return Object.entries(file.models)
    .map(([name, result]) => `### served by ${name}\n\n${formatExplorationTable(result)}\n`)
    .join("\n");
}

function parseModel(value: string): SimulationModelName {
  if (!(value in SIMULATION_MODELS)) {
    throw new UsageError(
      `--model: ${JSON.stringify(value)} is not one of ${Object.keys(SIMULATION_MODELS).join(", ")}`,
    );
  }
  return value as SimulationModelName;
}

function parseList(flag: string, value: string): number[] {
  return value.split(",").map((part) => {
    const number = Number(part.trim());
    if (!Number.isInteger(number) || number < 0)
      throw new UsageError(`${flag}: ${JSON.stringify(part)} is not a non-negative integer`);
    return number;
  });
}

function parseFeedShare(value: string): number {
  const share = Number(value.trim());
  if (!(share > 0 && share <= 1))
    throw new UsageError(`--feed-share: ${JSON.stringify(value)} is not a share in (0, 1]`);
  return share;
}

function parseUnsoldShare(value: string): number {
  const share = Number(value.trim());
  if (value.trim() === "" || !(share >= 0 && share <= 10))
    throw new UsageError(`--unsold-share: ${JSON.stringify(value)} is not a share from 0 to 10`);
  return share;
}

function parseShares(value: string): number[] {
  const shares = parseList("--shares", value);
  for (const share of shares) {
    if (share > MAX_EXPLORATION_SLOTS) {
      throw new UsageError(`--shares: ${share} is not a share from 0 to ${MAX_EXPLORATION_SLOTS} slots of 12`);
    }
  }
  if (!shares.includes(0))
    throw new UsageError("--shares must include 0: every share is compared with the greedy feed");
  return shares;
}
