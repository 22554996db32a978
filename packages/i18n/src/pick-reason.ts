/** What a shopper did with an anchor item, as named in "similar to X you viewed". */
export type AnchorAction = "view" | "click" | "favorite" | "cart" | "purchase";

/**
 * Why a pick is there, from real signals only (a code with its numbers; describeReason writes it in a language):
 * - similar-to-recent: the pick is among the model's nearest items to something this shopper just did something with;
 * - from-history: the model ranked it from the shopper's own history (no single anchor explains it);
 * - popular-in-category: ranked by purchases; `purchases` is the stored count;
 * - in-category: a catalog item with no purchases yet (cold item), shown because it fits the request;
 * - bought-together: shares `orders` orders with the anchor product;
 * - similar-item: the model's item-to-item similarity to the product being viewed;
 * - exploring: an exploration slot of the feed chose it (the policy is still learning how shoppers take it), not the
 *   model's ranking.
 */
export type PickReason =
  | { kind: "similar-to-recent"; anchorTitleZh: string; anchorTitleEn: string; action: AnchorAction }
  | { kind: "from-history"; interactions: number }
  | { kind: "popular-in-category"; category: string; purchases: number }
  | { kind: "in-category"; category: string }
  | { kind: "bought-together"; anchorTitleZh: string; anchorTitleEn: string; orders: number }
  | { kind: "similar-item"; anchorTitleZh: string; anchorTitleEn: string; similarity: number }
  | { kind: "exploring" };
