import type { Messages } from "@jewelguide/i18n";

/**
 * Display names of the catalog vocabulary in one language. Built on the server (build-vocabulary-labels.ts) and passed
 * down as plain data, so client components never import the model package.
 */
export type VocabularyLabels = {
  categories: Record<string, string>;
  metals: Record<string, string>;
  gems: Record<string, string>;
};

/** Unknown raw values are shown as they are. */
export function labelCategory(labels: VocabularyLabels, category: string): string {
  return labels.categories[category] ?? category;
}

export function labelMetal(labels: VocabularyLabels, metal: string | null): string | null {
  if (!metal) return null;
  return labels.metals[metal] ?? metal;
}

export function labelGem(labels: VocabularyLabels, gem: string | null): string | null {
  if (!gem) return null;
  return labels.gems[gem] ?? gem;
}

export function labelGender(messages: Messages, gender: string | null): string | null {
  if (gender === "female") return messages.genderFemale;
  if (gender === "male") return messages.genderMale;
  if (gender === "unisex") return messages.genderUnisex;
  return gender;
}
