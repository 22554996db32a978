import { createRng } from "@jewelguide/model";

export type ProbeOptions = { folds?: number; l2?: number; epochs?: number; learningRate?: number; seed?: number };
export type ProbeResult = {
  accuracy: number;
  majorityAccuracy: number;
  classes: string[];
  counts: Record<string, number>;
  n: number;
};

/**
 * k-fold cross-validated accuracy of a multinomial logistic regression (softmax, L2, full-batch gradient descent) on
 * standardised features (mean/std from the training folds only). `features` holds `labels.length` rows of `dims`.
 */
export function crossValidateSoftmaxProbe(
  features: Float32Array,
  dims: number,
  labels: string[],
  options: ProbeOptions = {},
): ProbeResult {
  const folds = options.folds ?? 5;
  const classes = [...new Set(labels)].sort();
  const y = labels.map((label) => classes.indexOf(label));
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = createRng(options.seed ?? 7);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  let correct = 0;
  let majorityCorrect = 0;
  for (let fold = 0; fold < folds; fold++) {
    const test = order.filter((_, position) => position % folds === fold);
    const train = order.filter((_, position) => position % folds !== fold);
    const { mean, std } = computeStandardisation(features, dims, train);
    const weights = fitSoftmax(features, dims, mean, std, train, y, classes.length, options);
    const trainCounts = new Array<number>(classes.length).fill(0);
    for (const i of train) trainCounts[y[i] ?? 0] = (trainCounts[y[i] ?? 0] ?? 0) + 1;
    const majority = trainCounts.indexOf(Math.max(...trainCounts));
    for (const i of test) {
      const logits = computeLogits(features, dims, mean, std, weights, classes.length, i);
      if (logits.indexOf(Math.max(...logits)) === y[i]) correct++;
      if (majority === y[i]) majorityCorrect++;
    }
  }
  const counts = Object.fromEntries(classes.map((c) => [c, labels.filter((label) => label === c).length]));
  return { accuracy: correct / n, majorityAccuracy: majorityCorrect / n, classes, counts, n };
}

function computeStandardisation(features: Float32Array, dims: number, rows: number[]) {
  const mean = new Float64Array(dims);
  const std = new Float64Array(dims);
  for (const i of rows) for (let d = 0; d < dims; d++) mean[d] = (mean[d] ?? 0) + (features[i * dims + d] ?? 0);
  for (let d = 0; d < dims; d++) mean[d] = (mean[d] ?? 0) / rows.length;
  for (const i of rows) {
    for (let d = 0; d < dims; d++) std[d] = (std[d] ?? 0) + ((features[i * dims + d] ?? 0) - (mean[d] ?? 0)) ** 2;
  }
  // Standardise, then scale by 1/√dims so the loss curvature stays ≤ ~1 and a learning rate of 1 is stable.
  for (let d = 0; d < dims; d++) std[d] = (Math.sqrt((std[d] ?? 0) / rows.length) || 1) * Math.sqrt(dims);
  return { mean, std };
}

/** Weights laid out (dims + 1) × classes, the last row the bias. */
function fitSoftmax(
  features: Float32Array,
  dims: number,
  mean: Float64Array,
  std: Float64Array,
  rows: number[],
  y: number[],
  classes: number,
  options: ProbeOptions,
): Float64Array {
  const l2 = options.l2 ?? 0.001;
  const epochs = options.epochs ?? 300;
  const rate = options.learningRate ?? 1;
  const weights = new Float64Array((dims + 1) * classes);
  const gradient = new Float64Array(weights.length);
  const x = new Float64Array(dims);
  for (let epoch = 0; epoch < epochs; epoch++) {
    gradient.fill(0);
    for (const i of rows) {
      for (let d = 0; d < dims; d++) x[d] = ((features[i * dims + d] ?? 0) - (mean[d] ?? 0)) / (std[d] ?? 1);
      const logits = computeLogitsOf(x, dims, weights, classes);
      const top = Math.max(...logits);
      const exp = logits.map((value) => Math.exp(value - top));
      const total = exp.reduce((a, b) => a + b, 0);
      for (let c = 0; c < classes; c++) {
        const error = (exp[c] ?? 0) / total - (y[i] === c ? 1 : 0);
        for (let d = 0; d < dims; d++)
          gradient[d * classes + c] = (gradient[d * classes + c] ?? 0) + error * (x[d] ?? 0);
        gradient[dims * classes + c] = (gradient[dims * classes + c] ?? 0) + error;
      }
    }
    for (let w = 0; w < weights.length; w++) {
      const isBias = w >= dims * classes;
      const step = (gradient[w] ?? 0) / rows.length + (isBias ? 0 : l2 * (weights[w] ?? 0));
      weights[w] = (weights[w] ?? 0) - rate * step;
    }
  }
  return weights;
}

function computeLogits(
  features: Float32Array,
  dims: number,
  mean: Float64Array,
  std: Float64Array,
  weights: Float64Array,
  classes: number,
  row: number,
): number[] {
  const x = new Float64Array(dims);
  for (let d = 0; d < dims; d++) x[d] = ((features[row * dims + d] ?? 0) - (mean[d] ?? 0)) / (std[d] ?? 1);
  return computeLogitsOf(x, dims, weights, classes);
}

function computeLogitsOf(x: Float64Array, dims: number, weights: Float64Array, classes: number): number[] {
  const logits = new Array<number>(classes).fill(0);
  for (let d = 0; d < dims; d++) {
    const value = x[d] ?? 0;
    if (value === 0) continue;
    for (let c = 0; c < classes; c++) logits[c] = (logits[c] ?? 0) + value * (weights[d * classes + c] ?? 0);
  }
  for (let c = 0; c < classes; c++) logits[c] = (logits[c] ?? 0) + (weights[dims * classes + c] ?? 0);
  return logits;
}
