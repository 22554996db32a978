import { CATEGORY_NAMES, isCategory } from "@jewelguide/model/vocabulary";
import type { Locale } from "./locale-schema";

/** What a shopper did with an anchor item, as named in "similar to X you viewed". */
export type AnchorAction = "view" | "click" | "favorite" | "cart" | "purchase";

/**
 * Why a pick is there, from real signals only:
 * - similar-to-recent: the pick is among the model's nearest items to something this shopper just did something with;
 * - from-history: the model ranked it from the shopper's own history (no single anchor explains it);
 * - popular-in-category: ranked by purchases; `purchases` is the stored count;
 * - in-category: a catalog item with no purchases yet (cold item), shown because it fits the request;
 * - bought-together: shares `orders` orders with the anchor product;
 * - similar-item: the model's item-to-item similarity to the product being viewed.
 */
export type PickReason =
  | { kind: "similar-to-recent"; anchorTitleZh: string; anchorTitleEn: string; action: AnchorAction }
  | { kind: "from-history"; interactions: number }
  | { kind: "popular-in-category"; category: string; purchases: number }
  | { kind: "in-category"; category: string }
  | { kind: "bought-together"; anchorTitleZh: string; anchorTitleEn: string; orders: number }
  | { kind: "similar-item"; anchorTitleZh: string; anchorTitleEn: string; similarity: number };

const ACTION_WORDS: Record<AnchorAction, { zh: string; en: string }> = {
  view: { zh: "浏览过", en: "viewed" },
  click: { zh: "点开过", en: "opened" },
  favorite: { zh: "收藏的", en: "saved" },
  cart: { zh: "加入购物车的", en: "added to your cart" },
  purchase: { zh: "买过的", en: "bought" },
};

export function categoryName(category: string, locale: Locale): string {
  return isCategory(category) ? CATEGORY_NAMES[category][locale] : category;
}

/** The one-line "why this?" text of a reason, in Chinese or English. */
export function describeReason(reason: PickReason, locale: Locale): string {
  const zh = locale === "zh";
  switch (reason.kind) {
    case "similar-to-recent": {
      const action = ACTION_WORDS[reason.action][locale];
      return zh
        ? `与您${action}的「${reason.anchorTitleZh}」相似`
        : `Similar to “${reason.anchorTitleEn}”, which you ${action}`;
    }
    case "from-history":
      return zh
        ? `根据您的 ${reason.interactions} 次浏览与购买记录推荐`
        : `Picked from your ${reason.interactions} past views and purchases`;
    case "popular-in-category":
      return zh
        ? `${categoryName(reason.category, locale)}热卖：已售 ${reason.purchases} 件`
        : `Popular in ${categoryName(reason.category, locale).toLowerCase()}: ${reason.purchases} sold`;
    case "in-category":
      return zh
        ? `在售${categoryName(reason.category, locale)}，暂无购买记录`
        : `In stock in ${categoryName(reason.category, locale).toLowerCase()}, not yet purchased`;
    case "bought-together":
      return zh
        ? `${reason.orders} 笔订单里与「${reason.anchorTitleZh}」一起购买`
        : `Bought with “${reason.anchorTitleEn}” in ${reason.orders} orders`;
    case "similar-item":
      return zh
        ? `与「${reason.anchorTitleZh}」相似（相似度 ${reason.similarity.toFixed(2)}）`
        : `Similar to “${reason.anchorTitleEn}” (similarity ${reason.similarity.toFixed(2)})`;
  }
}
