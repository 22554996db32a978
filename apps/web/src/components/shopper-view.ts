import type { Messages } from "../i18n/dictionary";
import type { Language } from "../i18n/languages";
import type { VocabularyLabels } from "../i18n/vocabulary-labels";

/** Who a page is rendered for and in which language: what every recommendation surface needs to render and log. */
export type ShopperView = {
  shopperId: string | undefined;
  language: Language;
  messages: Messages;
  labels: VocabularyLabels;
};
