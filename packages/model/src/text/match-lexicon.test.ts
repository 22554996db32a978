import { describe, expect, it } from "vitest";
import { measureEditDistance } from "./edit-distance";
import { matchLexicon } from "./match-lexicon";
import { normalizeText } from "./normalize-text";

function concepts(text: string): string[] {
  return matchLexicon(normalizeText(text)).flatMap((match) => match.conceptIds);
}

describe("matchLexicon", () => {
  it("prefers the longest term", () => {
    expect(concepts("18K白金")).toEqual(["metal:white-gold"]);
    expect(concepts("白金")).toEqual(["metal:platinum"]);
    expect(concepts("红宝石")).toEqual(["gem:ruby"]);
    expect(concepts("祖母绿")).toEqual(["gem:emerald"]);
    expect(concepts("结婚周年")).toEqual(["occasion:anniversary"]);
    expect(concepts("钻戒")).toEqual(["category:ring", "gem:diamond"]);
  });

  it("matches English terms on word boundaries only", () => {
    expect(concepts("rings")).toEqual(["category:ring"]);
    expect(concepts("bring spring")).toEqual([]);
    expect(concepts("women")).toEqual(["gender:female"]);
    expect(concepts("rose gold band")).toEqual(["metal:rose-gold", "category:ring"]);
  });

  it("corrects typos of longer words, not of short ones", () => {
    expect(concepts("neckalce")).toEqual(["category:necklace"]);
    expect(concepts("erings")).toEqual(["category:earring"]);
    expect(concepts("platnum")).toEqual(["metal:platinum"]);
    expect(concepts("rang")).toEqual([]);
    expect(concepts("hands things")).toEqual([]);
    expect(matchLexicon("neckalce", { fuzzy: false })).toEqual([]);
  });

  it("skips masked spans", () => {
    expect(matchLexicon("925 silver", { masked: [{ start: 0, end: 3 }] }).map((m) => m.term)).toEqual(["silver"]);
  });
});

describe("measureEditDistance", () => {
  it("counts edits and adjacent transpositions, capped at limit + 1", () => {
    expect(measureEditDistance("neckalce", "necklace", 2)).toBe(1);
    expect(measureEditDistance("silvr", "silver", 2)).toBe(1);
    expect(measureEditDistance("erings", "earrings", 2)).toBe(2);
    expect(measureEditDistance("ring", "ring", 0)).toBe(0);
    expect(measureEditDistance("abc", "xyz", 1)).toBe(2);
  });
});
