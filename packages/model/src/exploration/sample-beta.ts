import type { Rng } from "../random/create-rng";

/** The uniforms and normals the samplers draw from (an Rng, or withPolarNormals of one). */
export type RandomSource = Pick<Rng, "next" | "nextNormal">;

/**
 * The rng's uniforms with normals by Marsaglia's polar method, each pair's second normal kept for the next call: about
 * half the transcendental work of the Box–Muller normal of createRng, which the samplers call thousands of times per
 * request. Deterministic for a seed, like the rng itself.
 */
export function withPolarNormals(rng: Rng): RandomSource {
  let spare: number | undefined;
  return {
    next: rng.next,
    nextNormal() {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      for (;;) {
        const u = 2 * rng.next() - 1;
        const v = 2 * rng.next() - 1;
        const s = u * u + v * v;
        if (s > 0 && s < 1) {
          const factor = Math.sqrt((-2 * Math.log(s)) / s);
          spare = v * factor;
          return u * factor;
        }
      }
    },
  };
}

/**
 * A Gamma(shape, 1) sampler with its constants computed once: Marsaglia & Tsang (2000) with their squeeze (most draws
 * accepted without a logarithm), shapes below 1 by the boost Gamma(a) = Gamma(a + 1)·U^(1/a). Thompson sampling draws
 * every candidate's posterior hundreds of times per request.
 */
export type GammaSampler = (source: RandomSource) => number;

export function createGammaSampler(shape: number): GammaSampler {
  if (!(shape > 0 && Number.isFinite(shape))) throw new Error(`Gamma shape must be a positive number, got ${shape}`);
  const boosted = shape < 1;
  const base = boosted ? shape + 1 : shape;
  const d = base - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const inverseShape = 1 / shape;
  return (source) => {
    for (;;) {
      const x = source.nextNormal();
      const t = 1 + c * x;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = 1 - source.next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d - d * v + d * Math.log(v)) {
        return boosted ? d * v * Math.exp(Math.log(1 - source.next()) * inverseShape) : d * v;
      }
    }
  };
}

/** A Beta(alpha, beta) sampler: X / (X + Y) of two Gamma draws. */
export function createBetaSampler(alpha: number, beta: number): (source: RandomSource) => number {
  const x = createGammaSampler(alpha);
  const y = createGammaSampler(beta);
  return (source) => {
    const a = x(source);
    const b = y(source);
    return a + b > 0 ? a / (a + b) : 0.5;
  };
}
