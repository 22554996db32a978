import { CATEGORY_NAMES, type Category, GEM_NAMES, isMetal, METAL_NAMES } from "@jewelguide/model";

export type TitleParts = { category: Category; metal?: string | null; gem?: string | null };

/**
 * Bilingual titles from attributes, e.g. rose-gold + diamond + earring → "Rose gold diamond earrings" /
 * "玫瑰金钻石耳饰". Gems outside the vocabulary keep their raw label in English and are left out in Chinese.
 */
export function deriveTitles(parts: TitleParts): { titleEn: string; titleZh: string } {
  const metal = parts.metal && isMetal(parts.metal) ? METAL_NAMES[parts.metal] : undefined;
  const gem = parts.gem ? GEM_NAMES[parts.gem] : undefined;
  const gemEn = gem?.en ?? parts.gem?.replace(/[_-]+/g, " ");
  const category = CATEGORY_NAMES[parts.category];
  const en = [metal?.en, gemEn, category.en]
    .filter((part): part is string => Boolean(part))
    .join(" ")
    .toLowerCase();
  return {
    titleEn: en.charAt(0).toUpperCase() + en.slice(1),
    titleZh: `${metal?.zh ?? ""}${gem?.zh ?? ""}${category.zh}`,
  };
}
