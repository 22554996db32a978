/** Counts of one group of stored events and the rates derived from them. */
export type OnlineCounts = {
  impressions: number;
  clicks: number;
  carts: number;
  favorites: number;
  purchases: number;
  revenue: number;
};
export type OnlineMetrics = OnlineCounts & {
  /** clicks / impressions */
  ctr: number | null;
  /** carts / impressions */
  cartRate: number | null;
  /** favourites / impressions */
  favoriteRate: number | null;
  /** purchases / impressions */
  conversion: number | null;
};

export function emptyCounts(): OnlineCounts {
  return { impressions: 0, clicks: 0, carts: 0, favorites: 0, purchases: 0, revenue: 0 };
}

/** Adds one event to the counts: revenue is unit price × quantity of purchases. */
export function addEvent(counts: OnlineCounts, event: { type: string; price: number | null; quantity: number }): void {
  if (event.type === "impression") counts.impressions += 1;
  else if (event.type === "click") counts.clicks += 1;
  else if (event.type === "cart") counts.carts += 1;
  else if (event.type === "favorite") counts.favorites += 1;
  else if (event.type === "purchase") {
    counts.purchases += 1;
    counts.revenue += (event.price ?? 0) * event.quantity;
  }
}

/** Adds a group of `events` events of one type whose purchases brought `revenue` (the database's GROUP BY). */
export function addEvents(counts: OnlineCounts, group: { type: string; events: number; revenue: number }): void {
  if (group.type === "impression") counts.impressions += group.events;
  else if (group.type === "click") counts.clicks += group.events;
  else if (group.type === "cart") counts.carts += group.events;
  else if (group.type === "favorite") counts.favorites += group.events;
  else if (group.type === "purchase") {
    counts.purchases += group.events;
    counts.revenue += group.revenue;
  }
}

/** The rates; null when there were no impressions (a rate of nothing is not 0). */
export function withRates(counts: OnlineCounts): OnlineMetrics {
  const rate = (n: number) => (counts.impressions > 0 ? n / counts.impressions : null);
  return {
    ...counts,
    revenue: Math.round(counts.revenue * 100) / 100,
    ctr: rate(counts.clicks),
    cartRate: rate(counts.carts),
    favoriteRate: rate(counts.favorites),
    conversion: rate(counts.purchases),
  };
}
