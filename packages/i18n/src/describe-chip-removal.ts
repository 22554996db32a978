import { findConcept } from "@jewelguide/model/lexicon";
import type { ConstraintCode } from "./constraint-code";
import type { Language } from "./languages";
import { formatMessage, MESSAGES } from "./messages";

const CLEAR_KEYS = {
  category: "clearCategory",
  metal: "clearMetal",
  gem: "clearGem",
  gender: "clearGender",
  price: "clearPrice",
  recipient: "clearRecipient",
  occasion: "clearOccasion",
  style: "clearStyle",
} as const;

/**
 * The follow-up turn that removes a chip from the guide's conversation, in the shopper's language: "不限材质" /
 * "any metal" lifts a field; "钻石也可以" / "diamond is fine too" allows excluded concepts again (each named by a
 * lexicon term of that language, so the conversation reader finds it).
 */
export function describeChipRemoval(code: ConstraintCode, language: Language): string {
  const turns = MESSAGES[language].guideTurns;
  if (code.field !== "excluded") return turns[CLEAR_KEYS[code.field]];
  return code.value
    .map((id) => formatMessage(turns.allowAgain, { term: conceptTerm(id, language) }))
    .join(turns.turnSeparator);
}

/** A term the lexicon lists for the concept in that language (its first), else the concept's name. */
function conceptTerm(conceptId: string, language: Language): string {
  const concept = findConcept(conceptId);
  if (!concept) return conceptId;
  const isChinese = (term: string) => /[\u4e00-\u9fff]/.test(term);
  return concept.terms.find((term) => isChinese(term) === (language === "zh")) ?? concept[language];
}
