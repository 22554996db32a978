import { describe, expect, it } from "vitest";
import { createRng } from "../../random/create-rng";
import type { AdagradTable } from "./adagrad-table";
import { centralDifferences, norm, relativeError } from "./finite-differences";
import { backwardJoint, type JointGradients } from "./joint-backward";
import type { JointConfig } from "./joint-config";
import { collectSlots, drawIdMask, forwardJoint, slotOfItem } from "./joint-forward";
import { computeJointHeads } from "./joint-heads";
import type { JointNetwork } from "./joint-network";
import { JOINT_TABLE_NAMES, type JointTableName, type JointTables, referenceJointLoss } from "./reference-joint-loss";
import { createTinyJointNetwork } from "./tiny-joint-network";
import { trainJointStep } from "./train-joint-step";

/**
 * Every parameter table's hand-written gradient (forwardJoint → computeJointHeads → backwardJoint) against central
 * differences of the objective written plainly in float64 (reference-joint-loss.ts), on the tiny seeded network.
 *
 * Tolerance, on ‖analytic − numeric‖ / ‖numeric‖ per table: the training code computes in float32 (unit roundoff
 * 6e-8; each entry sums a few dozen rounded terms), which puts its gradients around 1e-7 from the truth; the float64
 * differences (h = 1e-6: truncation ~h², cancellation ~1e-16/h) are within ~1e-10. 1e-5 leaves two orders of
 * magnitude for float32 roundoff, while a wrong sign, a missing or doubled term or a wrong scale anywhere in a
 * table shows as an error of 1e-2 to 1 (flipping one sign in the backward pass fails the check).
 */
const TOLERANCE = 1e-5;

function tableOf(network: JointNetwork, name: JointTableName): AdagradTable {
  return network[name];
}

/** The sparse gradients as one dense float64 array per table (rows a step does not touch are zero). */
function densify(network: JointNetwork, gradients: JointGradients): JointTables {
  const dense = Object.fromEntries(
    JOINT_TABLE_NAMES.map((name) => [name, new Float64Array(tableOf(network, name).weights.length)]),
  ) as JointTables;
  const addRows = (name: JointTableName, rows: Map<number, ArrayLike<number>>) => {
    const cols = tableOf(network, name).cols;
    for (const [row, grad] of rows) {
      for (let k = 0; k < cols; k++)
        dense[name][row * cols + k] = (dense[name][row * cols + k] as number) + (grad[k] as number);
    }
  };
  const scalars = (rows: Map<number, number>) => new Map([...rows].map(([row, grad]) => [row, [grad]]));
  addRows("itemOut", gradients.itemOut);
  addRows("itemIn", gradients.itemIn);
  addRows("itemBias", scalars(gradients.itemBias));
  addRows("featureVectors", gradients.featureVectors);
  addRows("featureBias", scalars(gradients.featureBias));
  addRows("userIds", gradients.userIds);
  addRows("profileVectors", gradients.profileVectors);
  for (const name of ["denseProjection", "userCategoryHead", "userMetalHead", "userPriceHead"] as const) {
    const grad = gradients[name];
    if (grad !== null) dense[name].set(grad);
  }
  return dense;
}

/** A few training steps, then heads drawn at a useful scale (they start at 0.01, where L_user barely reaches r). */
function prepare(overrides: Partial<JointConfig>) {
  const tiny = createTinyJointNetwork(overrides);
  const { network, labels, logQ, drawBatch } = tiny;
  const rng = createRng(5);
  for (let step = 0; step < 3; step++) {
    const { batch, negatives } = drawBatch(rng);
    trainJointStep(network, batch, negatives, logQ, labels, rng);
  }
  for (const head of [network.userCategoryHead, network.userMetalHead, network.userPriceHead]) {
    head.weights.set(Float32Array.from(head.weights, () => rng.nextNormal() * 0.5));
  }
  const { batch, negatives } = drawBatch(rng);
  const slots = collectSlots(batch, negatives);
  // m_i as drawn, with the first trained target's id dropped so that both branches of the item tower are checked.
  const keepId = drawIdMask(network, slots, rng);
  const dropped = batch.find((example) => network.usesId(example.target));
  if (dropped !== undefined) keepId[slotOfItem(slots, dropped.target)] = 0;
  const forward = forwardJoint(network, batch, slots, keepId);
  const heads = computeJointHeads(network, batch, forward, negatives, logQ, labels);
  const gradients = backwardJoint(network, batch, forward, heads);
  const tables = Object.fromEntries(
    JOINT_TABLE_NAMES.map((name) => [name, Float64Array.from(tableOf(network, name).weights)]),
  ) as JointTables;
  const problem = {
    shape: network.shape,
    config: network.config,
    batch,
    negatives,
    logQ,
    labels,
    isIdOn: (item: number) => keepId[slotOfItem(slots, item)] === 1,
    usesId: (item: number) => network.usesId(item),
    itemLossIds: Float64Array.from(network.itemOut.weights),
  };
  return { network, slots, keepId, heads, gradients, tables, problem };
}

describe("joint network gradient check", () => {
  it("exercises every table, ids both on and dropped, and computes the reference's losses", () => {
    const { network, slots, keepId, heads, gradients, tables, problem } = prepare({});
    const trained = slots.items.map((item, s) => ({ used: network.usesId(item), kept: keepId[s] === 1 }));
    expect(trained.some(({ used, kept }) => used && kept)).toBe(true);
    expect(trained.some(({ used, kept }) => used && !kept)).toBe(true);
    const reference = referenceJointLoss(tables, problem);
    expect(heads.losses.interaction).toBeCloseTo(reference.interaction, 5);
    expect(heads.losses.item).toBeCloseTo(reference.item, 5);
    expect(heads.losses.user).toBeCloseTo(reference.user, 5);
    const analytic = densify(network, gradients);
    for (const name of JOINT_TABLE_NAMES) expect(norm(analytic[name]), name).toBeGreaterThan(1e-4);
  });

  for (const [label, overrides] of [
    ["ids, content and dense content", {}],
    ["without content", { useContent: false }],
    ["without ids", { useIds: false }],
    // The auxiliary terms dominating, then each alone beside L_interaction: L_item's ∂z reaches W and T, L_user's ∂r
    // reaches Ei and Eu.
    ["auxiliary terms weighted ×10", { itemLossWeight: 5, userLossWeight: 3 }],
    ["without L_user", { userLossWeight: 0 }],
    ["without L_item", { itemLossWeight: 0 }],
  ] as const) {
    it(`matches central differences for every table (${label})`, () => {
      const { network, gradients, tables, problem } = prepare(overrides);
      const analytic = densify(network, gradients);
      const loss = () => referenceJointLoss(tables, problem).total;
      for (const name of JOINT_TABLE_NAMES) {
        expect(relativeError(analytic[name], centralDifferences(tables[name], loss)), name).toBeLessThan(TOLERANCE);
      }
    });
  }

  it("a·L_item alone moves the content side (W, T) and not Eo (its stop-gradient)", () => {
    const { network, tables, problem } = prepare({});
    const itemLoss = () => network.config.itemLossWeight * referenceJointLoss(tables, problem).item;
    expect(norm(centralDifferences(tables.itemOut, itemLoss))).toBe(0);
    expect(norm(centralDifferences(tables.featureVectors, itemLoss))).toBeGreaterThan(1e-3);
    expect(norm(centralDifferences(tables.denseProjection, itemLoss))).toBeGreaterThan(1e-3);
  });
});
