/** The fields of a product the text + attribute feature is computed from. */
export type ProductTextSource = {
  titleZh: string;
  titleEn: string;
  description: string;
  category: string;
  metal: string | null;
  gem: string | null;
  color: string | null;
};

/** Titles, description and the attribute values as words ("white-gold" → "white gold"), one text for encodeText. */
export function buildProductText(product: ProductTextSource): string {
  const attributes = [product.category, product.metal, product.gem, product.color]
    .filter((value): value is string => Boolean(value))
    .map((value) => value.replace(/[-_]/g, " "));
  return [product.titleZh, product.titleEn, product.description, ...attributes].filter(Boolean).join(" \n ");
}
