/**
 * Sparse feature rows (one per item or user) over a token vocabulary, values 1/√(tokens in the row) so that rows with
 * many tokens do not dominate. Tokens unseen when the table was built are ignored at lookup.
 */
export type FeatureTable = {
  vocabulary: Map<string, number>;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
};

export function buildFeatureTable(
  rows: readonly (readonly string[])[],
  vocabulary = new Map<string, number>(),
): FeatureTable {
  const indptr = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  rows.forEach((tokens, row) => {
    const unique = [...new Set(tokens)];
    const known: number[] = [];
    for (const token of unique) {
      let index = vocabulary.get(token);
      if (index === undefined) {
        index = vocabulary.size;
        vocabulary.set(token, index);
      }
      known.push(index);
    }
    const value = known.length > 0 ? 1 / Math.sqrt(known.length) : 0;
    for (const index of known) {
      indices.push(index);
      values.push(value);
    }
    indptr[row + 1] = indices.length;
  });
  return { vocabulary, indptr, indices: Int32Array.from(indices), values: Float32Array.from(values) };
}
