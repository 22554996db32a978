import type { RequestClient, ShopperIdentity } from "../request-client";
import type { CookieJar } from "../services/auth/cookie-jar";
import { SHOPPER_COOKIE } from "../services/auth/staff-cookie";
import type { ServerSecrets } from "./server-secrets";
import { readShopperCookie, signShopperCookie } from "./shopper-cookie";
import { shopperCookieOptions } from "./shopper-cookie-options";
import { newWebShopperId } from "./shopper-external-id";

/** The request's shopper: only from a `jg_shopper` cookie this server signed; anything else means no shopper. */
export function readShopperIdentity(cookies: CookieJar, secrets: ServerSecrets): ShopperIdentity | undefined {
  const externalId = readShopperCookie(cookies.get(SHOPPER_COOKIE), secrets.shopperCookieKey);
  return externalId === undefined ? undefined : { externalId };
}

/**
 * Makes a new anonymous shopper for a request that has none (a first event from a browser whose cookie was missing or
 * not ours, or the simulator's first call) and sets its signed cookie on the response.
 */
export function issueShopperIdentity(request: {
  cookies: CookieJar;
  secrets: ServerSecrets;
  client: Pick<RequestClient, "secure">;
}): ShopperIdentity {
  const externalId = newWebShopperId();
  request.cookies.set(
    SHOPPER_COOKIE,
    signShopperCookie(externalId, request.secrets.shopperCookieKey),
    shopperCookieOptions(request.client.secure),
  );
  return { externalId };
}
