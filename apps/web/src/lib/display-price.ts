import type { Language } from "../i18n/languages";
import type { Messages } from "../i18n/messages";
import { formatPrice } from "./format-price";

/** The price to show: formatted in the shopper's locale, or "price on request" when the shop has none (0). */
export function displayPrice(
  product: { price: number; currency: string },
  language: Language,
  messages: Messages,
): string {
  return product.price > 0 ? formatPrice(product.price, product.currency, language) : messages.priceOnRequest;
}
