import type { Messages } from "@jewelguide/i18n";
import { formatPrice } from "@jewelguide/i18n/format-price";
import type { Language } from "../i18n/languages";

/** The price to show: formatted in the shopper's locale, or "price on request" when the shop has none (0). */
export function displayPrice(
  product: { price: number; currency: string },
  language: Language,
  messages: Messages,
): string {
  return product.price > 0 ? formatPrice(product.price, product.currency, language) : messages.priceOnRequest;
}
