import { describe, expect, it } from "vitest";
import { CATEGORIES, GEM_NAMES, METALS } from "../domain/vocabulary";
import { CONCEPTS, findConcept, listLexiconEntries } from "./lexicon";
import { normalizeText } from "./normalize-text";

describe("lexicon", () => {
  it("has unique concept ids in kind:value form with both display names", () => {
    const ids = CONCEPTS.map((concept) => concept.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const concept of CONCEPTS) {
      expect(concept.id).toBe(`${concept.kind}:${concept.value}`);
      expect(concept.en.length).toBeGreaterThan(0);
      expect(concept.zh.length).toBeGreaterThan(0);
    }
  });

  it("covers the shared vocabulary", () => {
    for (const category of CATEGORIES) expect(findConcept(`category:${category}`)).toBeDefined();
    for (const metal of METALS) expect(findConcept(`metal:${metal}`)).toBeDefined();
    for (const gem of Object.keys(GEM_NAMES)) expect(findConcept(`gem:${gem}`)).toBeDefined();
    expect(findConcept("recipient:mother")?.gender).toBe("female");
    expect(findConcept("recipient:husband")?.gender).toBe("male");
  });

  it("lists only normalised terms that point at existing concepts", () => {
    for (const entry of listLexiconEntries()) {
      expect(normalizeText(entry.term)).toBe(entry.term);
      for (const id of entry.conceptIds) expect(findConcept(id), `${entry.term} → ${id}`).toBeDefined();
    }
  });
});
