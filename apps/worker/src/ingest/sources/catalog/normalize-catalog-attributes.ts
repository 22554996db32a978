import { type AttributeKind, readAttributeValue } from "@jewelguide/model/attribute-values";
import type { Category, Gender, Metal } from "@jewelguide/model/vocabulary";
import type { Problem } from "../../problem";
import { quoteValue } from "../../quote-value";

/** The catalog columns read through the lexicon, in the order their values are assigned. */
export const LEXICON_COLUMNS = ["category", "metal", "gem", "color", "gender"] as const satisfies AttributeKind[];

export type CatalogAttributes = {
  category: Category;
  metal: Metal | null;
  gem: string | null;
  color: string | null;
  gender: Gender | null;
  /** Cells not entirely stored in the columns above, as written, by column name (merged into the product's attributes). */
  kept: Record<string, string>;
  warnings: Problem[];
};

type Cells = Partial<Record<AttributeKind | "tags", string>>;

/**
 * The product's category, metal, gem, colour and gender from its cells, read by the guide's lexicon
 * (readAttributeValue). Each column takes the first value of its own kind; values of other kinds fill columns left
 * empty ("white gold, diamonds" in `metal` also gives the gem), and `tags` only fills empty columns. A cell that is
 * not entirely stored (a part the lexicon does not know, a second value of a kind, or a value of another kind whose
 * column is already set) is kept as written in attributes under its column's name, with a warning naming the value;
 * a tag cell is kept whole without warnings (tags are free words). The row is never refused for it: a category the
 * lexicon does not know becomes `other`.
 */
export function normalizeCatalogAttributes(cells: Cells, where: { file: string; line: number }): CatalogAttributes {
  const stored: Partial<Record<AttributeKind, string>> = {};
  const kept: Record<string, string> = {};
  const warnings: Problem[] = [];
  const warn = (column: string, message: string) => {
    warnings.push({ file: where.file, line: where.line, column, message });
    kept[column] = cells[column as AttributeKind] ?? "";
  };
  const readings = LEXICON_COLUMNS.flatMap((column) => {
    const cell = cells[column];
    return cell === undefined ? [] : [{ column, cell, reading: readAttributeValue(cell, column) }];
  });
  for (const { column, reading } of readings) {
    const [first, ...more] = reading.values[column] ?? [];
    if (first !== undefined) stored[column] = first;
    if (more.length > 0) {
      warn(
        column,
        `names several values (${[first, ...more].join(", ")}): stored ${first}, kept as attributes.${column}`,
      );
    }
    // A category cell with no category at all gets one warning below, saying it is stored as `other`.
    if (column === "category" && first === undefined) continue;
    for (const part of reading.unknown) {
      warn(column, `${quoteValue(part)} is not in the lexicon: kept as attributes.${column}`);
    }
  }
  for (const { column, reading } of readings) {
    for (const kind of LEXICON_COLUMNS) {
      if (kind === column) continue;
      for (const value of reading.values[kind] ?? []) {
        if (stored[kind] === undefined) stored[kind] = value;
        else if (stored[kind] !== value && cells[kind] !== undefined) {
          warn(column, `also names ${kind} ${value}, but ${kind} is ${stored[kind]}: kept as attributes.${column}`);
        }
      }
    }
  }
  if (cells.tags !== undefined) {
    const tags = readAttributeValue(cells.tags);
    for (const kind of LEXICON_COLUMNS) {
      const [value] = tags.values[kind] ?? [];
      if (stored[kind] === undefined && value !== undefined) stored[kind] = value;
    }
    kept.tags = cells.tags;
  }
  if (stored.category === undefined) {
    warn(
      "category",
      `${quoteValue(cells.category ?? "")} names no category the lexicon knows: stored other, kept as attributes.category`,
    );
  }
  return {
    category: (stored.category ?? "other") as Category,
    metal: (stored.metal ?? null) as Metal | null,
    gem: stored.gem ?? null,
    color: stored.color ?? null,
    gender: (stored.gender ?? null) as Gender | null,
    kept,
    warnings,
  };
}
