/**
 * A linear softmax head (rows: classes, each d weights then a bias) on x[offset..offset+d): the class probabilities
 * into `probs`, and −log p[label] returned.
 */
export function softmaxHead(
  head: Float32Array,
  x: Float32Array,
  offset: number,
  d: number,
  classes: number,
  label: number,
  probs: Float32Array,
): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < classes; c++) {
    let z = head[c * (d + 1) + d] as number;
    for (let k = 0; k < d; k++) z += (head[c * (d + 1) + k] as number) * (x[offset + k] as number);
    probs[c] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const e = Math.exp((probs[c] as number) - max);
    probs[c] = e;
    sum += e;
  }
  for (let c = 0; c < classes; c++) probs[c] = (probs[c] as number) / sum;
  return -Math.log(Math.max(probs[label] as number, 1e-30));
}

/**
 * The gradient of scale·(−log p[label]) for one example, from the probabilities softmaxHead left: (p − y)·scale
 * added into gradHead (weights and bias) and into dx[dxOffset..dxOffset+d) through the head's weights.
 */
export function accumulateHeadGradient(
  head: Float32Array,
  x: Float32Array,
  offset: number,
  d: number,
  probs: Float32Array,
  label: number,
  scale: number,
  gradHead: Float32Array,
  dx: Float32Array,
  dxOffset: number,
): void {
  for (let c = 0; c < probs.length; c++) {
    const g = scale * ((probs[c] as number) - (c === label ? 1 : 0));
    for (let k = 0; k < d; k++) {
      gradHead[c * (d + 1) + k] = (gradHead[c * (d + 1) + k] as number) + g * (x[offset + k] as number);
      dx[dxOffset + k] = (dx[dxOffset + k] as number) + g * (head[c * (d + 1) + k] as number);
    }
    gradHead[c * (d + 1) + d] = (gradHead[c * (d + 1) + d] as number) + g;
  }
}
