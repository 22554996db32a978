export { readActiveVersionId } from "./active-version-id";
export { type CatalogProductRow, listCatalogProducts } from "./catalog-products";
export { type CatalogStampRow, readCatalogStampRow } from "./catalog-stamp";
export {
  EXPLORATION_REWARD_TYPES,
  type ExplorationEvidenceRow,
  listExplorationEvidence,
} from "./exploration-evidence";
export { listOnlineMetricGroups, ONLINE_METRIC_TYPES, type OnlineMetricGroupRow } from "./online-metric-groups";
export { listPurchaseLines, type PurchaseLineRow } from "./purchase-lines";
export {
  type AttemptBackoff,
  admitRateLimitedAttempt,
  deleteExpiredRateLimitCounters,
  deleteRateLimitCounters,
  hitRateLimitCounters,
  type RateLimitCounterRow,
  readRateLimitCounters,
  uncountRateLimitHit,
} from "./rate-limit-counters";
export { type RunningAbTestRow, readRunningAbTest } from "./running-ab-test";
export {
  listShopperSignalEvents,
  RECENT_SIGNAL_TYPES,
  type ShopperSignalEventRow,
} from "./shopper-signal-events";
