import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createRng } from "../../random/create-rng";
import type { AdagradTable } from "./adagrad-table";
import type { JointNetwork } from "./joint-network";
import { createTinyJointNetwork } from "./tiny-joint-network";
import { trainJointStep } from "./train-joint-step";

/**
 * Pins the numbers of joint training: eight steps on the tiny seeded network, then a SHA-256 of every table's
 * weights and Adagrad accumulator and of the losses. A refactor of the network must leave it unchanged; a change to
 * the maths must update it on purpose (and say so in its commit).
 */
const EXPECTED_DIGEST = "0a48104de15a694acded9646eeb580049b3a3d66ab1a7e0c477ceed843b2d219";

function tables(network: JointNetwork): Record<string, AdagradTable> {
  const { itemOut, itemIn, itemBias, featureVectors, featureBias, denseProjection } = network;
  const { userIds, profileVectors, userCategoryHead, userMetalHead, userPriceHead } = network;
  return {
    itemOut,
    itemIn,
    itemBias,
    featureVectors,
    featureBias,
    denseProjection,
    userIds,
    profileVectors,
    userCategoryHead,
    userMetalHead,
    userPriceHead,
  };
}

function trainAndDigest(): string {
  const { network, labels, logQ, drawBatch } = createTinyJointNetwork();
  const rng = createRng(11);
  const losses: number[] = [];
  for (let step = 0; step < 8; step++) {
    const { batch, negatives } = drawBatch(rng);
    const stepLosses = trainJointStep(network, batch, negatives, logQ, labels, rng);
    losses.push(stepLosses.interaction, stepLosses.item, stepLosses.user);
  }
  const hash = createHash("sha256");
  for (const [name, table] of Object.entries(tables(network))) {
    hash.update(name);
    hash.update(new Uint8Array(table.weights.buffer, table.weights.byteOffset, table.weights.byteLength));
    hash.update(new Uint8Array(table.accumulator.buffer, table.accumulator.byteOffset, table.accumulator.byteLength));
  }
  hash.update(new Uint8Array(Float64Array.from(losses).buffer));
  return hash.digest("hex");
}

describe("joint network training fingerprint", () => {
  it("trains the tiny seeded network to exactly the pinned parameters and losses", () => {
    expect(trainAndDigest()).toBe(EXPECTED_DIGEST);
  });
});
