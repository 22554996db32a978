import { hashToken } from "./hash-token";
import { type TokenizeOptions, tokenizeText } from "./tokenize-text";

export const DEFAULT_TEXT_DIMENSION = 512;

/** How much one occurrence of each token kind counts (concepts carry the cross-language signal). */
export const DEFAULT_TOKEN_WEIGHTS: Readonly<Record<string, number>> = {
  c: 3,
  w: 1,
  u: 0.4,
  b: 0.6,
  t: 0.35,
};

export type EncodeTextOptions = TokenizeOptions & {
  /** Length of the vector (default 512). */
  dimension?: number;
  /** Weight per token kind (the prefix before the first ":"), see DEFAULT_TOKEN_WEIGHTS. */
  weights?: Readonly<Record<string, number>>;
};

/**
 * Encodes Chinese and/or English text into a fixed-length, L2-normalised Float32Array without any downloaded weights:
 * the tokens of tokenizeText are counted, weighted by kind with sublinear tf (1 + ln tf), and hashed with the signed
 * hashing trick (index = hash mod dimension, sign = top hash bit). Shared lexicon concepts let "18K金钻石戒指" and
 * "18k gold diamond ring" land close together. Deterministic; empty text gives the zero vector.
 */
export function encodeText(text: string, options: EncodeTextOptions = {}): Float32Array {
  const dimension = options.dimension ?? DEFAULT_TEXT_DIMENSION;
  if (!(Number.isInteger(dimension) && dimension > 0)) {
    throw new Error(`Text vectors need a positive integer dimension; got ${dimension}.`);
  }
  const weights = options.weights ?? DEFAULT_TOKEN_WEIGHTS;
  const vector = new Float32Array(dimension);
  const counts = new Map<string, number>();
  for (const token of tokenizeText(text, options)) counts.set(token, (counts.get(token) ?? 0) + 1);
  for (const [token, count] of counts) {
    const kind = token.slice(0, token.indexOf(":"));
    const weight = (weights[kind] ?? 1) * (1 + Math.log(count));
    const hash = hashToken(token);
    const index = hash % dimension;
    vector[index] = (vector[index] as number) + (hash & 0x80000000 ? -weight : weight);
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < dimension; i++) vector[i] = (vector[i] as number) * scale;
  }
  return vector;
}
