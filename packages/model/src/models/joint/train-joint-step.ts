import type { Rng } from "../../random/create-rng";
import { applyJointGradients } from "./apply-joint-gradients";
import { backwardJoint } from "./joint-backward";
import { collectSlots, drawIdMask, forwardJoint } from "./joint-forward";
import { computeJointHeads } from "./joint-heads";
import type { ItemLabels, JointExample, JointNetwork, StepLosses } from "./joint-network";

/**
 * One optimisation step of the joint network on a mini-batch: forward pass, the three loss terms, backward pass,
 * Adagrad step (docs/model.md, "Optimisation"). `negatives` are shared by the batch, drawn with probabilities
 * exp(logQ) (for the log-q correction). Returns the mean losses.
 */
export function trainJointStep(
  network: JointNetwork,
  batch: readonly JointExample[],
  negatives: Int32Array,
  logQ: Float32Array,
  labels: ItemLabels,
  rng: Rng,
): StepLosses {
  const slots = collectSlots(batch, negatives);
  const forward = forwardJoint(network, batch, slots, drawIdMask(network, slots, rng));
  const heads = computeJointHeads(network, batch, forward, negatives, logQ, labels);
  applyJointGradients(network, backwardJoint(network, batch, forward, heads));
  return heads.losses;
}
