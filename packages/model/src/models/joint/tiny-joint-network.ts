import { multiplyTransposedJs } from "../../linalg/multiply-transposed";
import { createRng, type Rng } from "../../random/create-rng";
import { buildFeatureTable } from "./feature-table";
import { type JointConfig, JointConfigSchema } from "./joint-config";
import { type ItemLabels, type JointExample, JointNetwork } from "./joint-network";

/**
 * A small seeded joint network for the tests that look inside the maths (the gradient check, the training
 * fingerprint): 9 items (two never trained, so content-only), 4 users, 4 dims, 3 dense columns, item and profile
 * tokens, labels with unknowns, and batches with histories, repeated targets and shared negatives.
 */
export type TinyJointNetwork = {
  network: JointNetwork;
  labels: ItemLabels;
  logQ: Float32Array;
  /** A mini-batch and its shared negatives, drawn from the fixture's own generator. */
  drawBatch(rng: Rng): { batch: JointExample[]; negatives: Int32Array };
};

const ITEM_TOKENS = [
  ["category:ring", "metal:gold"],
  ["category:ring", "metal:silver", "gem:pearl"],
  ["category:earring", "metal:gold"],
  ["category:earring"],
  ["category:pendant", "metal:rose-gold", "gem:diamond"],
  ["category:pendant", "metal:gold"],
  ["category:bracelet", "metal:silver"],
  [],
  ["category:ring", "gem:diamond"],
];
const USER_TOKENS = [["gender:female", "age:25-34"], ["city:shanghai"], [], ["gender:male"]];
const DENSE_DIMS = 3;

export function createTinyJointNetwork(overrides: Partial<JointConfig> = {}): TinyJointNetwork {
  const items = ITEM_TOKENS.length;
  const users = USER_TOKENS.length;
  const config = JointConfigSchema.parse({
    dims: 4,
    negatives: 5,
    learningRate: 0.1,
    l2: 1e-3,
    itemLossWeight: 0.5,
    userLossWeight: 0.3,
    idDropout: 0.25,
    denseBackend: "js",
    initScale: 0.3,
    ...overrides,
  });
  const rng = createRng(7);
  const dense = Float32Array.from({ length: items * DENSE_DIMS }, () => rng.nextNormal() * 0.5);
  const trainedItems = Uint8Array.from({ length: items }, (_, i) => (i === 3 || i === 7 ? 0 : 1));
  const network = new JointNetwork(
    {
      items,
      users,
      itemFeatures: buildFeatureTable(ITEM_TOKENS),
      userFeatures: buildFeatureTable(USER_TOKENS),
      dense,
      denseDims: DENSE_DIMS,
      trainedItems,
    },
    config,
    rng,
    multiplyTransposedJs,
  );
  const labels: ItemLabels = {
    category: Int32Array.from([0, 0, 3, 3, 2, 2, 4, -1, 0]),
    metal: Int32Array.from([0, 3, 0, -1, 2, 0, 3, -1, -1]),
    priceBand: Int32Array.from([4, 1, 0, 2, -1, 3, 1, -1, 4]),
  };
  const logQ = Float32Array.from({ length: items }, (_, i) => Math.log((i + 1) / ((items * (items + 1)) / 2)));
  const drawBatch = (draw: Rng) => {
    const batch: JointExample[] = [];
    for (let b = 0; b < 5; b++) {
      const length = draw.nextInt(4);
      const history = Int32Array.from({ length }, () => draw.nextInt(items));
      const raw = Float32Array.from({ length }, (_, k) => 0.5 ** k);
      const total = raw.reduce((sum, value) => sum + value, 0);
      batch.push({
        user: draw.nextInt(users),
        history,
        historyWeights: raw.map((value) => value / total),
        target: draw.nextInt(items),
        weight: 0.2 + draw.next(),
      });
    }
    return { batch, negatives: Int32Array.from({ length: config.negatives }, () => draw.nextInt(items)) };
  };
  return { network, labels, logQ, drawBatch };
}
