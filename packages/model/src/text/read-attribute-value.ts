import type { Metal } from "../domain/vocabulary";
import { type ConceptKind, findConcept } from "./lexicon";
import { matchLexicon } from "./match-lexicon";
import { normalizeText } from "./normalize-text";
import { metalOfPurityMark } from "./purity-marks";

/** The product attributes a catalog cell can name. */
export const ATTRIBUTE_KINDS = ["category", "metal", "gem", "color", "gender"] as const;
export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number];

export type AttributeReading = {
  /** Concept values the cell names, by kind, in the cell's order, each once (`metal: ["white-gold"]`). */
  values: Partial<Record<AttributeKind, string[]>>;
  /** Parts of the cell the lexicon does not know, as written (trimmed). */
  unknown: string[];
};

/**
 * Where a cell splits into parts: list separators (`,` `，` `、` `;` `/` `|` `+` `&` `>`), the words "and"/"with"
 * and the Chinese setting marks 镶/嵌 ("18K金镶钻" is gold set with diamond).
 */
const PART_SEPARATOR = /[,，、;；/|+&>]|\s(?:and|with)\s|镶嵌|镶|嵌/i;

/**
 * Words that qualify a value without changing which concept it is: finish, provenance, weight and the generic words
 * of product-type paths ("Fine Jewelry > Rings"). Numbers and measures (`0.5ct`, `2mm`) are qualifiers too.
 */
export const QUALIFIER_WORDS: readonly string[] = [
  "solid",
  "genuine",
  "real",
  "natural",
  "recycled",
  "fine",
  "pure",
  "fairmined",
  "ethical",
  "rhodium",
  "rhodiumized",
  "rhodiumised",
  "non",
  "tone",
  "colour",
  "color",
  "cultured",
  "freshwater",
  "lab",
  "grown",
  "created",
  "simulated",
  "ct",
  "ctw",
  "tw",
  "carat",
  "carats",
  "jewelry",
  "jewellery",
  "jewelries",
  "accessories",
  "apparel",
  "for",
  "the",
  "of",
  "色",
  "纯",
  "真",
  "天然",
  "实心",
  "材质",
  "款",
  "首饰",
  "饰品",
  "珠宝",
];

/** Surface finishes: the gold they name is a plating, not the piece's metal ("18k gold plated" is not gold). */
const PLATING = new Set(["plated", "plating", "vermeil", "filled"]);
const GOLD_FAMILY: ReadonlySet<string> = new Set(["gold", "white-gold", "rose-gold"]);

const QUALIFIERS = new Set(QUALIFIER_WORDS);
const MEASURE = /^\d+(\.\d+)?(ct|ctw|mm|cm|g|克|分)?$/;
const RESIDUAL_WORD = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9.]+/g;

/** A colour word next to gold names the alloy: "white 18k gold" is white gold, "yellow gold" gold. */
const GOLD_BY_COLOR: Record<string, Metal> = {
  white: "white-gold",
  rose: "rose-gold",
  pink: "rose-gold",
  red: "rose-gold",
  yellow: "gold",
};

/** The colour a metal shows, for a colour column that names a metal ("Rose gold" as a colour is rose). */
export const COLOR_OF_METAL: Record<Metal, string> = {
  gold: "gold",
  "white-gold": "white",
  "rose-gold": "rose",
  silver: "silver",
  platinum: "silver",
};

/**
 * Reads one catalog cell through the guide's lexicon: splits it into parts, and reads a part as known when every word
 * of it is a lexicon term, a purity mark, or a qualifier. A known part adds its concepts (a purity mark adds its metal
 * when the part names none; a colour beside gold refines the alloy; a part of qualifiers only adds nothing, and is
 * unknown when the cell names no value at all; gold beside a plating word is the plating and is
 * dropped, and a plated part with no other metal is unknown); an unknown part is returned as written. For a
 * `color` column, a part that names only a metal also gives that metal's colour.
 */
export function readAttributeValue(cell: string, column?: AttributeKind): AttributeReading {
  const reading: AttributeReading = { values: {}, unknown: [] };
  const qualifiersOnly: string[] = [];
  for (const part of cell.split(PART_SEPARATOR)) {
    const written = part.trim();
    if (written === "") continue;
    const values = readPart(normalizeText(written));
    if (!values) {
      reading.unknown.push(written);
      continue;
    }
    if (Object.keys(values).length === 0) {
      qualifiersOnly.push(written);
      continue;
    }
    if (column === "color" && !values.color && values.metal)
      values.color = values.metal.map((metal) => COLOR_OF_METAL[metal as Metal]);
    for (const kind of ATTRIBUTE_KINDS) {
      for (const value of values[kind] ?? []) {
        const list = reading.values[kind] ?? [];
        if (!list.includes(value)) list.push(value);
        reading.values[kind] = list;
      }
    }
  }
  // "Apparel & Accessories > Jewelry > Rings": generic words around a value add nothing; alone they are not a value.
  if (Object.keys(reading.values).length === 0) reading.unknown.push(...qualifiersOnly);
  return reading;
}

type PartValues = Partial<Record<AttributeKind, string[]>>;

function readPart(text: string): PartValues | undefined {
  const values: PartValues = {};
  const add = (kind: AttributeKind, value: string) => {
    const list = values[kind] ?? [];
    if (!list.includes(value)) list.push(value);
    values[kind] = list;
  };
  let residual = "";
  let from = 0;
  let namesConcept = false;
  for (const match of matchLexicon(text, { fuzzy: false })) {
    residual += ` ${text.slice(from, match.start)} `;
    from = match.end;
    for (const id of match.conceptIds) {
      const concept = findConcept(id);
      if (!concept) continue;
      namesConcept = true;
      if (isAttributeKind(concept.kind)) add(concept.kind, concept.value);
    }
  }
  residual += ` ${text.slice(from)}`;
  let impliedMetal: Metal | undefined;
  let plated = false;
  for (const word of residual.match(RESIDUAL_WORD) ?? []) {
    const metal = metalOfPurityMark(word);
    if (metal) impliedMetal ??= metal;
    else if (GOLD_BY_COLOR[word]) {
      add("color", word);
      namesConcept = true;
    } else if (PLATING.has(word)) plated = true;
    else if (!QUALIFIERS.has(word) && !MEASURE.test(word)) return undefined;
  }
  if (!values.metal && impliedMetal) values.metal = [impliedMetal];
  refineGoldByColor(values);
  if (plated) {
    values.metal = values.metal?.filter((metal) => !GOLD_FAMILY.has(metal));
    if (!values.metal?.length) return undefined;
  }
  if (!namesConcept && !values.metal) return {};
  return values;
}

function refineGoldByColor(values: PartValues): void {
  // "14k rose gold" reads as gold (14k) and rose gold: the alloy is the more precise of the two.
  if (values.metal?.includes("gold") && values.metal.some((metal) => metal !== "gold" && GOLD_FAMILY.has(metal))) {
    values.metal = values.metal.filter((metal) => metal !== "gold");
  }
  if (values.metal?.length !== 1 || values.metal[0] !== "gold") return;
  const color = values.color?.find((value) => GOLD_BY_COLOR[value]);
  if (!color) return;
  values.metal = [GOLD_BY_COLOR[color] ?? "gold"];
  values.color = values.color?.filter((value) => value !== color);
  if (values.color?.length === 0) delete values.color;
}

function isAttributeKind(kind: ConceptKind): kind is AttributeKind {
  return (ATTRIBUTE_KINDS as readonly string[]).includes(kind);
}
