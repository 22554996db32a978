import type { Language } from "./languages";

const en = {
  siteName: "Jewelguide",
  tagline: "Fine jewelry, thoughtfully chosen",
  languageLabel: "Language",
  shopHeading: "The collection",
  searchLabel: "Search the collection",
  searchPlaceholder: "Search rings, pearls, gold…",
  searchButton: "Search",
  categoryFilter: "Category",
  metalFilter: "Metal",
  sortLabel: "Sort by",
  all: "All",
  sortFeatured: "Featured",
  sortNewest: "Newest",
  sortPopularity: "Most loved",
  sortPriceAsc: "Price: low to high",
  sortPriceDesc: "Price: high to low",
  resultCount: "{count} pieces",
  noResults: "No pieces match these filters.",
  clearFilters: "Clear filters",
  pagination: "Pages",
  previousPage: "Previous",
  nextPage: "Next",
  pageOf: "Page {page} of {pageCount}",
  outOfStock: "Out of stock",
  priceOnRequest: "Price on request",
  inStock: "In stock",
  yes: "Yes",
  no: "No",
  details: "Details",
  attrCategory: "Category",
  attrMetal: "Metal",
  attrGem: "Gemstone",
  attrColor: "Colour",
  attrGender: "For",
  attrBrand: "Brand",
  attrStock: "Availability",
  attrSku: "Reference",
  description: "Description",
  noDescription: "This piece has no description yet.",
  backToShop: "Back to the collection",
  related: "More in {category}",
  notFoundTitle: "This piece could not be found",
  notFoundText: "It may have been sold or removed from the collection.",
  genderFemale: "Women",
  genderMale: "Men",
  genderUnisex: "Unisex",
  footer: "Jewelguide · an open-source shopping guide for jewelry shops",
};

export type Messages = typeof en;

const zh: Messages = {
  siteName: "Jewelguide",
  tagline: "臻选珠宝，用心挑选",
  languageLabel: "语言",
  shopHeading: "全部珠宝",
  searchLabel: "搜索珠宝",
  searchPlaceholder: "搜索戒指、珍珠、黄金…",
  searchButton: "搜索",
  categoryFilter: "品类",
  metalFilter: "材质",
  sortLabel: "排序",
  all: "全部",
  sortFeatured: "精选推荐",
  sortNewest: "最新上架",
  sortPopularity: "人气最高",
  sortPriceAsc: "价格从低到高",
  sortPriceDesc: "价格从高到低",
  resultCount: "共 {count} 件",
  noResults: "没有符合条件的珠宝。",
  clearFilters: "清除筛选",
  pagination: "分页",
  previousPage: "上一页",
  nextPage: "下一页",
  pageOf: "第 {page} / {pageCount} 页",
  outOfStock: "暂时缺货",
  priceOnRequest: "价格面议",
  inStock: "有货",
  yes: "是",
  no: "否",
  details: "商品详情",
  attrCategory: "品类",
  attrMetal: "材质",
  attrGem: "宝石",
  attrColor: "颜色",
  attrGender: "适用",
  attrBrand: "品牌",
  attrStock: "库存",
  attrSku: "货号",
  description: "商品描述",
  noDescription: "暂无描述。",
  backToShop: "返回全部珠宝",
  related: "更多{category}",
  notFoundTitle: "未找到这件珠宝",
  notFoundText: "它可能已售出或已下架。",
  genderFemale: "女款",
  genderMale: "男款",
  genderUnisex: "中性",
  footer: "Jewelguide · 面向珠宝店的开源导购",
};

export const dictionaries: Record<Language, Messages> = { en, zh };

/** The UI strings of a language. */
export function getMessages(language: Language): Messages {
  return dictionaries[language];
}

/** Fills `{name}` placeholders. */
export function formatMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    return value === undefined ? match : String(value);
  });
}
