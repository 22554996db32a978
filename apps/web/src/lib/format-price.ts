import { type Language, LOCALES } from "../i18n/languages";

/** A price in the product's own currency, in the shopper's locale ("US$1,200.00" / "$1,200.00"). */
export function formatPrice(amount: number, currency: string, language: Language): string {
  try {
    return new Intl.NumberFormat(LOCALES[language], { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
