import type { Rng } from "../random/create-rng";

/**
 * A Gamma(shape, 1) sampler with its constants computed once: Marsaglia & Tsang (2000), shapes below 1 by the boost
 * Gamma(a) = Gamma(a + 1)·U^(1/a). Thompson sampling draws every candidate's posterior hundreds of times per request.
 */
export type GammaSampler = (rng: Rng) => number;

export function createGammaSampler(shape: number): GammaSampler {
  if (!(shape > 0 && Number.isFinite(shape))) throw new Error(`Gamma shape must be a positive number, got ${shape}`);
  const boosted = shape < 1;
  const base = boosted ? shape + 1 : shape;
  const d = base - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const inverseShape = 1 / shape;
  return (rng) => {
    for (;;) {
      const x = rng.nextNormal();
      const t = 1 + c * x;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = 1 - rng.next();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return boosted ? d * v * (1 - rng.next()) ** inverseShape : d * v;
      }
    }
  };
}

/** A Beta(alpha, beta) sampler: X / (X + Y) of two Gamma draws. */
export function createBetaSampler(alpha: number, beta: number): (rng: Rng) => number {
  const x = createGammaSampler(alpha);
  const y = createGammaSampler(beta);
  return (rng) => {
    const a = x(rng);
    const b = y(rng);
    return a + b > 0 ? a / (a + b) : 0.5;
  };
}
