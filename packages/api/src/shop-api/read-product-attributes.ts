import { ATTRIBUTE_KINDS, type AttributeKind, assignAttributeValues } from "@jewelguide/model/attribute-values";
import type { ApiProductRow } from "./shop-api-schemas";

export type ProductAttributes = {
  /** The stored value of each column the row names (null clears it); columns the row leaves out are absent. */
  values: Partial<Record<AttributeKind, string | null>>;
  /** Values not entirely stored, as written, by column: merged into the product's attributes. */
  kept: Record<string, string>;
  warnings: Array<{ field: string; message: string }>;
};

/**
 * Reads a product row's category, metal, gem, colour and gender by the rule `import catalog` uses
 * (assignAttributeValues, through the guide's bilingual lexicon): a column the row names takes the first value of its
 * own kind, or null when it finds none (a category nobody knows becomes `other`); a value of another kind fills a
 * column the row leaves out ("white gold, diamonds" as the metal also gives the gem), never one it clears with null.
 * A value not entirely stored is kept as written under its column's name in `kept`, with a warning.
 */
export function readProductAttributes(row: ApiProductRow): ProductAttributes {
  const cells: Partial<Record<AttributeKind, string>> = {};
  const cleared = new Set<AttributeKind>();
  for (const kind of ATTRIBUTE_KINDS) {
    const written = row[kind];
    if (typeof written === "string") cells[kind] = written;
    else if (written === null) cleared.add(kind);
  }
  const { values: assigned, kept, warnings } = assignAttributeValues(cells, cleared);
  const values: ProductAttributes["values"] = { ...assigned };
  for (const kind of ATTRIBUTE_KINDS) {
    if ((cells[kind] !== undefined || cleared.has(kind)) && values[kind] === undefined) values[kind] = null;
  }
  return { values, kept, warnings };
}
