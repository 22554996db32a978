import type { PickReason } from "@jewelguide/i18n";
import type { CachedProduct } from "../../model-serving/product-catalog";
import type { Anchor } from "./find-similar-anchors";

/** The reason for one pick, strongest real signal first: a similar recent item, the shopper's history, popularity. */
export function explainPick(
  product: CachedProduct,
  anchor: Anchor | undefined,
  historySize: number,
  personalised: boolean,
): PickReason {
  if (anchor) {
    return {
      kind: "similar-to-recent",
      anchorTitleZh: anchor.product.titleZh,
      anchorTitleEn: anchor.product.titleEn,
      action: anchor.action,
    };
  }
  if (personalised && historySize > 0) return { kind: "from-history", interactions: historySize };
  if (product.purchases > 0) {
    return { kind: "popular-in-category", category: product.category, purchases: product.purchases };
  }
  return { kind: "in-category", category: product.category };
}
