import { type AdagradTable, stepAdagradRow } from "./adagrad-table";
import type { JointGradients } from "./joint-backward";
import type { JointNetwork } from "./joint-network";

/**
 * The optimiser step: sparse Adagrad on every row the gradients list, with the L2 penalty on weights (none on the
 * biases), and T's own step size (JointNetwork.denseLearningRate).
 */
export function applyJointGradients(network: JointNetwork, gradients: JointGradients): void {
  const { learningRate, l2 } = network.config;
  const scalar = new Float32Array(1);
  const stepRows = (table: AdagradTable, rows: Map<number, Float32Array>, rate = learningRate) => {
    for (const [row, grad] of rows) stepAdagradRow(table, row, grad, rate, l2);
  };
  const stepBiases = (table: AdagradTable, rows: Map<number, number>) => {
    for (const [row, grad] of rows) {
      scalar[0] = grad;
      stepAdagradRow(table, row, scalar, learningRate, 0);
    }
  };
  const stepDense = (table: AdagradTable, grad: Float32Array | null, rate = learningRate) => {
    if (grad === null) return;
    const width = table.cols;
    for (let row = 0; row < table.rows; row++) {
      stepAdagradRow(table, row, grad.subarray(row * width, row * width + width), rate, l2);
    }
  };
  stepDense(network.userCategoryHead, gradients.userCategoryHead);
  stepDense(network.userMetalHead, gradients.userMetalHead);
  stepDense(network.userPriceHead, gradients.userPriceHead);
  stepRows(network.userIds, gradients.userIds);
  stepRows(network.profileVectors, gradients.profileVectors);
  stepRows(network.itemOut, gradients.itemOut);
  stepRows(network.itemIn, gradients.itemIn);
  stepBiases(network.itemBias, gradients.itemBias);
  stepRows(network.featureVectors, gradients.featureVectors);
  stepBiases(network.featureBias, gradients.featureBias);
  stepDense(network.denseProjection, gradients.denseProjection, network.denseLearningRate);
}
