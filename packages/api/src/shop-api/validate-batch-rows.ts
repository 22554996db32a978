import type { z } from "zod";
import type { RowError } from "./shop-api-schemas";

export type ValidatedRows<T> = { valid: Array<{ index: number; row: T }>; errors: RowError[] };

/**
 * Checks each row of a batch on its own: a valid row is kept with its index, a bad one becomes one error per problem,
 * naming the row's 0-based index and the field (zod's path, dotted; empty when the row itself is wrong, e.g. not an
 * object or an unknown field — then the message names it).
 */
export function validateBatchRows<S extends z.ZodType>(
  rows: readonly unknown[],
  schema: S,
): ValidatedRows<z.output<S>> {
  const valid: Array<{ index: number; row: z.output<S> }> = [];
  const errors: RowError[] = [];
  rows.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      valid.push({ index, row: parsed.data });
      return;
    }
    for (const issue of parsed.error.issues) {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
      errors.push({
        index,
        field: [...issue.path, ...keys.slice(0, 1)].map(String).join("."),
        message: issue.message,
      });
    }
  });
  return { valid, errors };
}
