import { type AttributeKind, readAttributeValue } from "@jewelguide/model/attribute-values";
import type { ApiProductRow } from "./shop-api-schemas";

/** The product columns read through the lexicon, in the order they are assigned. */
const KINDS = ["category", "metal", "gem", "color", "gender"] as const satisfies AttributeKind[];

export type ProductAttributes = {
  /** The stored value of each column the row names (null clears it); columns the row leaves out are absent. */
  values: Partial<Record<AttributeKind, string | null>>;
  /** Values not entirely stored, as written, by column: merged into the product's attributes. */
  kept: Record<string, string>;
  warnings: Array<{ field: string; message: string }>;
};

/**
 * Reads a product row's category, metal, gem, colour and gender through the guide's bilingual lexicon, as
 * `import catalog` reads its cells: each column takes the first value of its own kind (a category nobody knows becomes
 * `other`); a value of another kind fills a column the row leaves out ("white gold, diamonds" as the metal also gives
 * the gem). A value not entirely stored — a part the lexicon does not know, a second value of its kind, a value of
 * another kind that found its column taken — is kept as written under its column's name in `kept`, with a warning.
 */
export function readProductAttributes(row: ApiProductRow): ProductAttributes {
  const values: ProductAttributes["values"] = {};
  const kept: Record<string, string> = {};
  const warnings: ProductAttributes["warnings"] = [];
  const keep = (kind: AttributeKind, written: string, message: string) => {
    kept[kind] = written;
    warnings.push({ field: kind, message: `${message}: kept as attributes.${kind}` });
  };
  const readings = KINDS.flatMap((kind) => {
    const written = row[kind];
    if (written === null) values[kind] = null;
    return typeof written === "string" ? [{ kind, written, reading: readAttributeValue(written, kind) }] : [];
  });
  for (const { kind, written, reading } of readings) {
    const [first, ...more] = reading.values[kind] ?? [];
    values[kind] = first ?? (kind === "category" ? "other" : null);
    if (reading.unknown.length > 0) {
      keep(kind, written, `${reading.unknown.map((part) => JSON.stringify(part)).join(", ")} not in the lexicon`);
    } else if (first === undefined) {
      keep(kind, written, `${JSON.stringify(written)} names no ${kind}`);
    } else if (more.length > 0) {
      keep(kind, written, `names several values (${[first, ...more].join(", ")}): stored ${first}`);
    }
  }
  for (const { kind, written, reading } of readings) {
    for (const other of KINDS) {
      if (other === kind) continue;
      for (const value of reading.values[other] ?? []) {
        if (row[other] === undefined && values[other] === undefined) values[other] = value;
        else if (values[other] !== value && kept[kind] === undefined) {
          keep(kind, written, `also names ${other} ${value}, but ${other} is ${values[other] ?? "empty"}`);
        }
      }
    }
  }
  return { values, kept, warnings };
}
