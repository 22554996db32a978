import type { Messages } from "@jewelguide/i18n";
import type { Language } from "@/i18n/languages";
import type { VocabularyLabels } from "@/i18n/vocabulary-labels";

/**
 * The language a page is rendered in: what every recommendation surface needs to render. The shopper is not here:
 * the server reads it from the signed cookie, and the browser's events carry the cookie themselves.
 */
export type ShopperView = {
  language: Language;
  messages: Messages;
  labels: VocabularyLabels;
};
