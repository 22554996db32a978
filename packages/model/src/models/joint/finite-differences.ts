/**
 * Gradient-check helpers (tests only): central differences of a float64 loss, and the relative error
 * ‖a − b‖ / max(‖a‖, ‖b‖) that the checks threshold.
 */

/** ∂loss/∂parameters[k] ≈ (loss(p + h·e_k) − loss(p − h·e_k)) / 2h for every k, restoring each entry after. */
export function centralDifferences(parameters: Float64Array, loss: () => number, h = 1e-6): Float64Array {
  const gradient = new Float64Array(parameters.length);
  for (let k = 0; k < parameters.length; k++) {
    const saved = parameters[k] as number;
    parameters[k] = saved + h;
    const plus = loss();
    parameters[k] = saved - h;
    const minus = loss();
    parameters[k] = saved;
    gradient[k] = (plus - minus) / (2 * h);
  }
  return gradient;
}

export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`Gradients of different lengths: ${a.length} and ${b.length}.`);
  let difference = 0;
  let normA = 0;
  let normB = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    difference += (x - y) ** 2;
    normA += x * x;
    normB += y * y;
  }
  const scale = Math.sqrt(Math.max(normA, normB));
  return scale === 0 ? 0 : Math.sqrt(difference) / scale;
}

export function norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += (values[k] as number) ** 2;
  return Math.sqrt(sum);
}
