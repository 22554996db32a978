import type { Currency } from "@jewelguide/model";

/** The catalog's currency: every price filter is applied in it. */
export const CATALOG_CURRENCY = "USD" as const;

/**
 * Fixed, documented conversion rates (units of each currency per 1 USD), stated in the guide's UI. They are a demo
 * simplification, not live rates: 1 USD = 7.2 CNY = 7.8 HKD = 0.92 EUR = 0.79 GBP = 150 JPY.
 */
export const RATES_PER_USD: Readonly<Record<Currency, number>> = {
  USD: 1,
  CNY: 7.2,
  HKD: 7.8,
  EUR: 0.92,
  GBP: 0.79,
  JPY: 150,
};

export const CURRENCIES = Object.keys(RATES_PER_USD) as Currency[];

/** An amount in the catalog currency (USD). */
export function toCatalogCurrency(amount: number, currency: Currency): number {
  return amount / RATES_PER_USD[currency];
}
