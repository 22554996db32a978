/**
 * The shared jewelry vocabulary: every importer, the request parser, the model's item tower and the UI speak these
 * values. Data sources map their own labels onto them; anything that does not fit becomes `other` (category) or null.
 */
export const CATEGORIES = ["ring", "necklace", "pendant", "earring", "bracelet", "brooch", "watch", "other"] as const;
export type Category = (typeof CATEGORIES)[number];

export const METALS = ["gold", "white-gold", "rose-gold", "silver", "platinum"] as const;
export type Metal = (typeof METALS)[number];

export const GENDERS = ["female", "male", "unisex"] as const;
export type Gender = (typeof GENDERS)[number];

export const CATEGORY_NAMES: Record<Category, { en: string; zh: string }> = {
  ring: { en: "Ring", zh: "戒指" },
  necklace: { en: "Necklace", zh: "项链" },
  pendant: { en: "Pendant", zh: "吊坠" },
  earring: { en: "Earrings", zh: "耳饰" },
  bracelet: { en: "Bracelet", zh: "手链" },
  brooch: { en: "Brooch", zh: "胸针" },
  watch: { en: "Watch", zh: "手表" },
  other: { en: "Jewelry", zh: "饰品" },
};

export const METAL_NAMES: Record<Metal, { en: string; zh: string }> = {
  gold: { en: "Gold", zh: "黄金" },
  "white-gold": { en: "White gold", zh: "白金" },
  "rose-gold": { en: "Rose gold", zh: "玫瑰金" },
  silver: { en: "Silver", zh: "银" },
  platinum: { en: "Platinum", zh: "铂金" },
};

/** Gems seen in the data sets, with display names. Unknown gems keep their raw (lower-case) label. */
export const GEM_NAMES: Record<string, { en: string; zh: string }> = {
  diamond: { en: "Diamond", zh: "钻石" },
  "cubic-zirconia": { en: "Cubic zirconia", zh: "锆石" },
  topaz: { en: "Topaz", zh: "托帕石" },
  pearl: { en: "Pearl", zh: "珍珠" },
  garnet: { en: "Garnet", zh: "石榴石" },
  sapphire: { en: "Sapphire", zh: "蓝宝石" },
  amethyst: { en: "Amethyst", zh: "紫水晶" },
  emerald: { en: "Emerald", zh: "祖母绿" },
  ruby: { en: "Ruby", zh: "红宝石" },
  quartz: { en: "Quartz", zh: "水晶" },
  amber: { en: "Amber", zh: "琥珀" },
  spinel: { en: "Spinel", zh: "尖晶石" },
  jade: { en: "Jade", zh: "玉" },
  onyx: { en: "Onyx", zh: "缟玛瑙" },
  turquoise: { en: "Turquoise", zh: "绿松石" },
  citrine: { en: "Citrine", zh: "黄水晶" },
  aquamarine: { en: "Aquamarine", zh: "海蓝宝" },
  opal: { en: "Opal", zh: "欧泊" },
  agate: { en: "Agate", zh: "玛瑙" },
  enamel: { en: "Enamel", zh: "珐琅" },
  mix: { en: "Mixed gems", zh: "混合宝石" },
};

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function isMetal(value: string): value is Metal {
  return (METALS as readonly string[]).includes(value);
}

export function isGender(value: string): value is Gender {
  return (GENDERS as readonly string[]).includes(value);
}
