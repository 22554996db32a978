/** Dense content per item (text/image encoders), row-major items × dims in dataset item order. */
export type DenseItemContent = { dims: number; vectors: Float32Array };

/**
 * The dense inputs the item tower sees: every column centred on its mean over the items, then all values scaled so
 * that the mean row norm is 1. Centring matters for the learned projection: encoder outputs such as pooled CNN
 * activations are all non-negative, so without it every gradient of T points the same way for all items and the
 * projection first learns a shared offset instead of what tells items apart. A constant offset of all item vectors
 * changes no ranking (it adds the same u·c to every item of a user), so nothing is lost.
 */
export function normalizeDenseContent(content: DenseItemContent, items: number): Float32Array {
  const { dims, vectors } = content;
  if (vectors.length !== dims * items) {
    throw new Error(`Dense item content has ${vectors.length} values; expected ${items} items × ${dims}.`);
  }
  const mean = new Float64Array(dims);
  for (let i = 0; i < items; i++) {
    for (let j = 0; j < dims; j++) mean[j] = (mean[j] as number) + (vectors[i * dims + j] as number);
  }
  for (let j = 0; j < dims; j++) mean[j] = (mean[j] as number) / Math.max(1, items);
  const out = new Float32Array(items * dims);
  let normSum = 0;
  for (let i = 0; i < items; i++) {
    let sum = 0;
    for (let j = 0; j < dims; j++) {
      const value = (vectors[i * dims + j] as number) - (mean[j] as number);
      out[i * dims + j] = value;
      sum += value * value;
    }
    normSum += Math.sqrt(sum);
  }
  const meanNorm = normSum / Math.max(1, items);
  if (meanNorm > 0) for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) / meanNorm;
  return out;
}
