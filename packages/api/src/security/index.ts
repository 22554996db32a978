/**
 * `@jewelguide/api/security`: the signing and secret helpers without the routers, services or database, for code that
 * must stay light (the web app's proxy, which runs before every page) and for the worker's operator tools.
 */

export { readNodeRequestClient } from "../http/read-node-request-client";
export { readRequestClient, WORKER_TOKEN_HEADER } from "../http/read-request-client";
export { type CookieOptions, serializeCookie } from "../services/auth/cookie-jar";
export { SHOPPER_COOKIE } from "../services/auth/staff-cookie";
export {
  ATTRIBUTION_MAX_AGE_MS,
  type Attribution,
  RECOMMENDATION_SURFACES,
  type RecommendationSurface,
  signAttribution,
  verifyAttribution,
} from "./attribution-token";
export { type LinkRedemption, redeemShopperLink, sameSitePath } from "./link-redemption";
export {
  LINK_TOKEN_MAX_TTL_SECONDS,
  type LinkTokenCheck,
  MIN_LINK_SECRET_LENGTH,
  mintLinkToken,
  verifyLinkToken,
} from "./link-token";
export { loadServerSecret, SECRET_FILE_NAME } from "./load-server-secret";
export { deriveServerSecrets, MIN_SECRET_LENGTH, type ServerSecrets, safeEqual } from "./server-secrets";
export { readShopperCookie, signShopperCookie } from "./shopper-cookie";
export { SHOPPER_COOKIE_MAX_AGE, shopperCookieOptions } from "./shopper-cookie-options";
export { isShopperExternalId, newWebShopperId, WEB_SHOPPER_PREFIX } from "./shopper-external-id";
