import { describeConstraint, describeGuidePick, describeReason, type Language } from "@jewelguide/i18n";
import type { GuideAnswer } from "../services/guide/answer-guide-request";
import type { RecommendedItem } from "../services/recommendations/recommended-item";

/*
 * The services answer with codes (a pick's reason, a chip's constraint); a shop backend gets them written out too, in
 * the language it asks for, by the same messages and formatter as the shop's pages (@jewelguide/i18n).
 */

export type WithWhy<T extends { items: RecommendedItem[] }> = Omit<T, "items"> & {
  items: Array<T["items"][number] & { why: string }>;
};

/** A list of picks with each pick's "why this?" line. */
export function withWhy<T extends { items: RecommendedItem[] }>(reply: T, language: Language): WithWhy<T> {
  return { ...reply, items: reply.items.map((item) => ({ ...item, why: describeReason(item.reason, language) })) };
}

export type GuideAnswerWithTexts = Omit<GuideAnswer, "items" | "chips" | "relaxations"> & {
  items: Array<GuideAnswer["items"][number] & { why: string }>;
  chips: Array<GuideAnswer["chips"][number] & { label: string }>;
  relaxations: Array<GuideAnswer["relaxations"][number] & { label: string }>;
};

/** The guide's answer with each chip's and relaxation's text and each pick's "why this?" (matched chips, reason). */
export function withGuideTexts(answer: GuideAnswer, language: Language): GuideAnswerWithTexts {
  return {
    ...answer,
    items: answer.items.map((item) => ({
      ...item,
      why: describeGuidePick(
        answer.chips.filter((chip) => item.matched.includes(chip.field)),
        item.reason,
        language,
      ),
    })),
    chips: answer.chips.map((chip) => ({ ...chip, label: describeConstraint(chip, language) })),
    relaxations: answer.relaxations.map((relaxation) => ({
      ...relaxation,
      label: describeConstraint(relaxation, language),
    })),
  };
}
