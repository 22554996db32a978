export type { PickReason } from "@jewelguide/i18n";
export {
  type Context,
  type CreateContextOptions,
  createContext,
  createContextInner,
  type RequestClient,
  type ResponseHeaderSink,
  type ShopperIdentity,
} from "./context";
export { RetryLaterError } from "./errors/retry-later-error";
export { explorationConfigForSlots } from "./exploration/feed-exploration";
export { answerQueryRequest, type QueryAnswer, type QueryRequest } from "./http/answer-query-request";
export { MAX_BATCH_SIZE } from "./http/batch-size";
export { createTrpcHttpHandler, type TrpcCallTarget } from "./http/create-trpc-http-handler";
export { errorRequestId } from "./http/error-request-id";
export { type ErrorShape, formatErrorShape } from "./http/format-error-shape";
export { logServerFault } from "./http/log-server-fault";
export { isServerFault, publicErrorMessage } from "./http/public-error-message";
export { readNodeRequestClient } from "./http/read-node-request-client";
export {
  CLIENT_ADDRESS_HEADER,
  type HeaderReader,
  readRequestClient,
  WORKER_TOKEN_HEADER,
} from "./http/read-request-client";
export { createModelServing, type ModelServing } from "./model-serving/create-model-serving";
export { type AppRouter, appRouter, createCaller } from "./root";
export { createServerRuntime, type ServerRuntime, type ServerRuntimeOptions } from "./runtime/create-server-runtime";
export { loadServerSecret, SECRET_FILE_NAME } from "./security/load-server-secret";
export { deriveServerSecrets, MIN_SECRET_LENGTH, type ServerSecrets } from "./security/server-secrets";
export {
  type CookieJar,
  type CookieOptions,
  createHeaderCookieJar,
  createMemoryCookieJar,
} from "./services/auth/cookie-jar";
export type { StaffIdentity, StaffRole } from "./services/auth/find-staff-session";
export { SHOPPER_COOKIE, STAFF_COOKIE } from "./services/auth/staff-cookie";
export type { FacetCount, Facets } from "./services/catalog/list-facets";
export { PRODUCT_SORTS, type ProductPage, type ProductSort } from "./services/catalog/list-products";
export type { ProductFilters } from "./services/catalog/product-filters";
export type { ProductCard, ProductDetail } from "./services/catalog/product-selectors";
export type { OnlineMetricsReport } from "./services/dashboard/compute-online-metrics";
export type { AbArmReport, AbTestReport } from "./services/dashboard/get-ab-test-report";
export type { VersionMetricsRow } from "./services/dashboard/list-version-metrics";
export type { LogEventsInput } from "./services/events/event-schemas";
export type { ShopperListItem } from "./services/events/list-shopper-items";
export {
  type ConstraintChip,
  type GuideAnswer,
  type GuideItem,
  MAX_GUIDE_TURN_LENGTH,
  MAX_GUIDE_TURNS,
} from "./services/guide/answer-guide-request";
export { CONSTRAINT_FIELDS, type ConstraintField } from "./services/guide/guide-constraints";
export { checkReadiness, type Readiness } from "./services/health/check-readiness";
export type { SimilarItems } from "./services/recommendations/list-similar-items";
export type { Feed } from "./services/recommendations/recommend-feed";
export type { RecommendedItem, ServedBy } from "./services/recommendations/recommended-item";
export { buildOpenApiDocument, SHOP_API_BASE_PATH } from "./shop-api/build-openapi-document";
export { createShopApiHandler, type ShopApiHandlerOptions } from "./shop-api/create-shop-api-handler";
