import { CATEGORY_NAMES, GEM_NAMES, isCategory, isMetal, METAL_NAMES } from "@jewelguide/model";
import type { Messages } from "./dictionary";
import type { Language } from "./languages";

/** Display names of the catalog vocabulary; unknown raw values are shown as they are. */
export function labelCategory(category: string, language: Language): string {
  return isCategory(category) ? CATEGORY_NAMES[category][language] : category;
}

export function labelMetal(metal: string | null, language: Language): string | null {
  if (!metal) return null;
  return isMetal(metal) ? METAL_NAMES[metal][language] : metal;
}

export function labelGem(gem: string | null, language: Language): string | null {
  if (!gem) return null;
  return GEM_NAMES[gem]?.[language] ?? gem;
}

export function labelGender(gender: string | null, messages: Messages): string | null {
  if (gender === "female") return messages.genderFemale;
  if (gender === "male") return messages.genderMale;
  if (gender === "unisex") return messages.genderUnisex;
  return gender;
}
