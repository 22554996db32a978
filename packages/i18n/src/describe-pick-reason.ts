import { CATEGORY_NAMES, isCategory } from "@jewelguide/model/vocabulary";
import type { Language } from "./languages";
import { formatMessage, MESSAGES } from "./messages";
import type { AnchorAction, PickReason } from "./pick-reason";

const ACTION_KEYS = {
  view: "actionView",
  click: "actionClick",
  favorite: "actionFavorite",
  cart: "actionCart",
  purchase: "actionPurchase",
} as const satisfies Record<AnchorAction, string>;

/** A category's display name; an unknown raw value is shown as it is. */
export function categoryName(category: string, language: Language): string {
  return isCategory(category) ? CATEGORY_NAMES[category][language] : category;
}

/** The one-line "why this?" text of a reason, in the shopper's language. */
export function describeReason(reason: PickReason, language: Language): string {
  const messages = MESSAGES[language].explain;
  const title = (zh: string, en: string) => (language === "zh" ? zh : en);
  switch (reason.kind) {
    case "similar-to-recent":
      return formatMessage(messages.reasonSimilarToRecent, {
        title: title(reason.anchorTitleZh, reason.anchorTitleEn),
        action: messages[ACTION_KEYS[reason.action]],
      });
    case "from-history":
      return formatMessage(messages.reasonFromHistory, { count: reason.interactions });
    case "popular-in-category":
      return formatMessage(messages.reasonPopularInCategory, {
        category: categoryName(reason.category, language).toLowerCase(),
        count: reason.purchases,
      });
    case "in-category":
      return formatMessage(messages.reasonInCategory, {
        category: categoryName(reason.category, language).toLowerCase(),
      });
    case "bought-together":
      return formatMessage(messages.reasonBoughtTogether, {
        title: title(reason.anchorTitleZh, reason.anchorTitleEn),
        count: reason.orders,
      });
    case "similar-item":
      return formatMessage(messages.reasonSimilarItem, {
        title: title(reason.anchorTitleZh, reason.anchorTitleEn),
        similarity: reason.similarity.toFixed(2),
      });
    case "exploring":
      return messages.reasonExploring;
  }
}
