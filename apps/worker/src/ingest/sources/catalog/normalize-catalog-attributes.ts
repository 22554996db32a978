import {
  ATTRIBUTE_KINDS,
  type AttributeKind,
  assignAttributeValues,
  readAttributeValue,
} from "@jewelguide/model/attribute-values";
import type { Category, Gender, Metal } from "@jewelguide/model/vocabulary";
import type { Problem } from "../../problem";

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
 * The product's category, metal, gem, colour and gender from its cells by the rule the HTTP API shares
 * (assignAttributeValues: the guide's lexicon, first value of a column's own kind, other kinds fill empty columns,
 * what is not entirely stored kept in attributes with a warning naming line and value). `tags` then fills the columns
 * still empty and is kept whole as attributes.tags, without warnings (tags are free words). A category the lexicon
 * does not know is stored as `other`; the row is never refused for a value.
 */
export function normalizeCatalogAttributes(cells: Cells, where: { file: string; line: number }): CatalogAttributes {
  const own: Partial<Record<AttributeKind, string>> = {};
  for (const kind of ATTRIBUTE_KINDS) if (cells[kind] !== undefined) own[kind] = cells[kind];
  const { values, kept, warnings } = assignAttributeValues(own);
  const stored: Partial<Record<AttributeKind, string>> = { ...values };
  // A category cell the lexicon does not know leaves `other` as a fallback that the tags may still name better.
  if (kept.category !== undefined && stored.category === "other") delete stored.category;
  const keptCells: Record<string, string> = { ...kept };
  if (cells.tags !== undefined) {
    const tags = readAttributeValue(cells.tags);
    for (const kind of ATTRIBUTE_KINDS) {
      const [value] = tags.values[kind] ?? [];
      if (stored[kind] === undefined && value !== undefined) stored[kind] = value;
    }
    keptCells.tags = cells.tags;
  }
  return {
    category: (stored.category ?? "other") as Category,
    metal: (stored.metal ?? null) as Metal | null,
    gem: stored.gem ?? null,
    color: stored.color ?? null,
    gender: (stored.gender ?? null) as Gender | null,
    kept: keptCells,
    warnings: warnings.map(({ field, message }) => ({ ...where, column: field, message })),
  };
}
