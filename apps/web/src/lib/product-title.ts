import type { Language } from "../i18n/languages";

/** The title in the shopper's language, falling back to the other one when it is blank. */
export function productTitle(product: { titleZh: string; titleEn: string }, language: Language): string {
  const [first, second] = language === "zh" ? [product.titleZh, product.titleEn] : [product.titleEn, product.titleZh];
  return first.trim() || second;
}
