/**
 * How many requests one shopper and one client address may make in a fixed window. The per-address limit is the one a
 * visitor cannot escape by dropping or swapping cookies (a new cookie is a new shopper, not a new address); it is
 * higher because several shoppers may share an address (an office, a mobile carrier's NAT). A request without a
 * verified shopper is counted per address only. Requests whose address could not be read share the address
 * "unknown", i.e. one bucket (serve.mjs always passes the socket's address, so this happens only outside it).
 */
export type RateLimitPolicy = { windowMs: number; perShopper: number; perAddress: number };

export type RateLimitPolicyName =
  | "events"
  | "eventItems"
  | "purchases"
  | "guide"
  | "feeds"
  | "login"
  | "apiReads"
  | "apiWrites"
  | "apiRows";
export type RateLimitPolicies = Record<RateLimitPolicyName, RateLimitPolicy>;

/**
 * Defaults, per minute. Generous for a real shopper (the shop's client sends one events batch per burst of activity
 * and one guide question per submit) and for the e2e suite, which browses from one address; far below what a script
 * can send (the flood stored 2,000 events a second from one client).
 * - events: 120 batches per shopper, 600 per address; and inside them
 *   - eventItems: 600 events per shopper, 3,000 per address (a page view logs ~10–40 impressions, views and clicks), and
 *   - purchases: 30 purchase lines per shopper, 120 per address (web purchases are demo checkouts; a shop's real orders
 *     come from its backend or an import, which are not limited here);
 * - guide: 30 questions per shopper, 120 per address (also counted when the /guide page asks on the server);
 * - feeds: 120 personalised feeds per shopper, 1,200 per address (the home page renders one per visit, on the server
 *   and again after a view; a served feed writes its impressions — the exploration policy's evidence and the
 *   off-policy logs — so an unlimited feed would be an unlimited write and a way to drown items' evidence);
 * - login: 20 attempts per shopper, 60 per address (requests; failed passwords have their own back-off:
 *   login-failure-limit.ts).
 * The shop backends' HTTP API (/api/v1) counts per API key in the per-shopper slot (one backend speaks for many
 * customers, so its limits are those of a busy storefront, not of one shopper) and per address:
 * - apiReads: 600 recommendation, similar-item and guide requests per key, 1,200 per address;
 * - apiWrites: 120 event and catalog batches per key, 600 per address; and inside them
 * - apiRows: 6,000 rows (events or products) per key, 12,000 per address.
 */
export const DEFAULT_RATE_LIMIT_POLICIES: RateLimitPolicies = {
  events: { windowMs: 60_000, perShopper: 120, perAddress: 600 },
  eventItems: { windowMs: 60_000, perShopper: 600, perAddress: 3_000 },
  purchases: { windowMs: 60_000, perShopper: 30, perAddress: 120 },
  guide: { windowMs: 60_000, perShopper: 30, perAddress: 120 },
  feeds: { windowMs: 60_000, perShopper: 120, perAddress: 1_200 },
  login: { windowMs: 60_000, perShopper: 20, perAddress: 60 },
  apiReads: { windowMs: 60_000, perShopper: 600, perAddress: 1_200 },
  apiWrites: { windowMs: 60_000, perShopper: 120, perAddress: 600 },
  apiRows: { windowMs: 60_000, perShopper: 6_000, perAddress: 12_000 },
};
