/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for a proportion (successes out of trials): the interval of p for which the normal test
 * does not reject, which unlike p ± z·√(p(1−p)/n) stays inside [0, 1] and is honest for few hits — the cold-start
 * slices have a few hundred shoppers and a handful of hits. With one target per shopper, Recall@K is such a
 * proportion (hits / shoppers). No trials: the whole [0, 1].
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): { low: number; high: number } {
  if (trials <= 0) return { low: 0, high: 1 };
  if (successes < 0 || successes > trials) throw new Error(`${successes} successes out of ${trials} trials`);
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const halfWidth = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}
