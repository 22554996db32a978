import { CATEGORY_NAMES, GEM_NAMES, METAL_NAMES } from "@jewelguide/model/vocabulary";
import type { Language } from "./languages";
import type { VocabularyLabels } from "./vocabulary-labels";

function pick(names: Record<string, { en: string; zh: string }>, language: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(names).map(([value, name]) => [value, name[language]]));
}

/** The shared vocabulary's names in one language (server side: the model package stays out of client bundles). */
export function buildVocabularyLabels(language: Language): VocabularyLabels {
  return {
    categories: pick(CATEGORY_NAMES, language),
    metals: pick(METAL_NAMES, language),
    gems: pick(GEM_NAMES, language),
  };
}
