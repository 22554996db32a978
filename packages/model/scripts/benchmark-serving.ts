/**
 * Serving micro-benchmark of the joint model: 1,000 feed requests (recommend, known shoppers with and without fresh
 * activity) and 1,000 similar-item requests against a seeded synthetic model of realistic size (10,000 items, 64-d,
 * 20,000 users with up to 20 history items and 3 profile attributes each). Not a test: it prints the medians of five
 * runs, for before/after comparisons of a change to the serving path on the same machine.
 *
 *   pnpm --filter @jewelguide/model bench:serving [--backend js|tfjs]
 */
import { createRng, decodeModelArtifact, encodeModelArtifact, JointConfigSchema, JointRecommender } from "../src/index";

const ITEMS = 10_000;
const USERS = 20_000;
const DIMS = 64;
const HISTORY = 20;
const PROFILE_TOKENS = ["gender:f", "gender:m", "age:18-24", "age:25-34", "age:35-44", "city:a", "city:b", "city:c"];
const REQUESTS = 1_000;
const RUNS = 5;

function buildModel(backend: "js" | "tfjs"): JointRecommender {
  const rng = createRng(7);
  const gaussian = (length: number, scale: number) => Float32Array.from({ length }, () => (rng.next() - 0.5) * scale);
  const historyIndptr = new Int32Array(USERS + 1);
  const historyItems: number[] = [];
  const userItemsIndptr = new Int32Array(USERS + 1);
  const userItemsIndices: number[] = [];
  for (let u = 0; u < USERS; u++) {
    const items = [...new Set(Array.from({ length: 1 + rng.nextInt(HISTORY) }, () => rng.nextInt(ITEMS)))];
    historyItems.push(...items);
    historyIndptr[u + 1] = historyItems.length;
    userItemsIndices.push(...[...items].sort((a, b) => a - b));
    userItemsIndptr[u + 1] = userItemsIndices.length;
  }
  const featureIndices: number[] = [];
  const featureIndptr = new Int32Array(USERS + 1);
  for (let u = 0; u < USERS; u++) {
    featureIndices.push(rng.nextInt(2), 2 + rng.nextInt(3), 5 + rng.nextInt(3));
    featureIndptr[u + 1] = featureIndices.length;
  }
  const popularity = new Float32Array(ITEMS);
  for (const item of historyItems) popularity[item] = (popularity[item] as number) + 1;
  const config = JointConfigSchema.parse({ dims: DIMS, denseBackend: backend });
  const bytes = encodeModelArtifact({
    kind: "joint",
    formatVersion: 1,
    config,
    meta: {
      userFeatureVocabulary: PROFILE_TOKENS,
      itemIds: Array.from({ length: ITEMS }, (_, i) => `item-${i}`),
      userIds: Array.from({ length: USERS }, (_, u) => `user-${u}`),
    },
    arrays: {
      itemVectors: gaussian(ITEMS * DIMS, 0.2),
      itemBias: gaussian(ITEMS, 0.1),
      itemInputs: gaussian(ITEMS * DIMS, 0.2),
      userIds: gaussian(USERS * DIMS, 0.2),
      profileVectors: gaussian(PROFILE_TOKENS.length * DIMS, 0.2),
      historyIndptr,
      historyItems: Int32Array.from(historyItems),
      historyWeights: Float32Array.from(historyItems, () => 1),
      userFeatureIndptr: featureIndptr,
      userFeatureIndices: Int32Array.from(featureIndices),
      userFeatureValues: Float32Array.from(featureIndices, () => 1),
      userItemsIndptr,
      userItemsIndices: Int32Array.from(userItemsIndices),
      userItemsData: Float32Array.from(userItemsIndices, () => 1),
      popularity,
    },
  });
  const model = new JointRecommender(config);
  model.loadArtifact(decodeModelArtifact(bytes));
  return model;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Times `run` (REQUESTS requests) RUNS times after a warm-up and prints the medians of wall time and of this process's
 * CPU time: on a shared machine the CPU time is the steadier of the two.
 */
function time(label: string, run: () => number): void {
  run(); // warm-up: JIT and caches
  const wall: number[] = [];
  const cpu: number[] = [];
  let checksum = 0;
  for (let r = 0; r < RUNS; r++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    checksum += run();
    const used = process.cpuUsage(cpuStarted);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  console.log(
    `${label}: median of ${RUNS} runs of ${REQUESTS} requests: ${median(wall).toFixed(0)} ms wall, ` +
      `${median(cpu).toFixed(0)} ms CPU (wall runs ${wall.map((ms) => ms.toFixed(0)).join(", ")}; checksum ${checksum.toFixed(3)})`,
  );
}

async function main(): Promise<void> {
  const backendFlag = process.argv.indexOf("--backend");
  const backend = backendFlag >= 0 && process.argv[backendFlag + 1] === "tfjs" ? "tfjs" : "js";
  const model = buildModel(backend);
  await model.prepareForServing();
  const rng = createRng(11);
  const shoppers = Array.from({ length: REQUESTS }, () => `user-${rng.nextInt(USERS)}`);
  const fresh = Array.from({ length: REQUESTS }, () => [`item-${rng.nextInt(ITEMS)}`, `item-${rng.nextInt(ITEMS)}`]);
  const seeds = Array.from({ length: REQUESTS }, () => `item-${rng.nextInt(ITEMS)}`);
  const sum = (list: { score: number }[]) => list.reduce((total, entry) => total + entry.score, 0);
  console.log(`joint serving, ${ITEMS} items × ${DIMS}-d, ${USERS} users, backend ${backend}`);
  time("feed (known shopper)", () => shoppers.reduce((t, userId) => t + sum(model.recommend(userId, { k: 20 })), 0));
  time("feed (shopper + 2 fresh items)", () =>
    shoppers.reduce(
      (t, userId, i) => t + sum(model.recommend({ userId, recentItemIds: fresh[i] ?? [] }, { k: 20 })),
      0,
    ),
  );
  time("similar", () => seeds.reduce((t, itemId) => t + sum(model.similarItems(itemId, 20)), 0));
  model.releaseServing();
}

await main();
