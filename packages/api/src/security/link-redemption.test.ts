import { describe, expect, it } from "vitest";
import { TEST_SECRETS } from "../test/test-secrets";
import { redeemShopperLink, sameSitePath } from "./link-redemption";
import { mintLinkToken } from "./link-token";
import { readShopperCookie } from "./shopper-cookie";

const SECRET = "shop-backend-link-secret-0123456789abcdef";
const NOW = Date.parse("2026-12-06T12:00:00Z");
const redeem = (token: string | undefined, options: { next?: string; linkSecret?: string; now?: number } = {}) =>
  redeemShopperLink({
    token,
    next: options.next,
    linkSecret: "linkSecret" in options ? options.linkSecret : SECRET,
    secrets: TEST_SECRETS,
    secure: true,
    now: options.now ?? NOW,
  });

describe("redeeming a customer link", () => {
  it("sets the customer's signed, HttpOnly cookie and redirects to a same-site path", () => {
    const answer = redeem(mintLinkToken("512445128", SECRET, { now: NOW, ttlSeconds: 300 }), { next: "/cart?x=1" });
    expect(answer).toMatchObject({ status: 303, location: "/cart?x=1" });
    if (answer.status !== 303) throw new Error("expected a redirect");
    expect(answer.cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
    expect(readShopperCookie(answer.cookie.value, TEST_SECRETS.shopperCookieKey)).toBe("512445128");
  });

  it("answers 503 when linking is not configured, 400 for a missing or malformed token, 401 for a bad one", () => {
    const token = mintLinkToken("512445128", SECRET, { now: NOW, ttlSeconds: 300 });
    expect(redeem(token, { linkSecret: undefined })).toMatchObject({
      status: 503,
      message: /JEWELGUIDE_SHOPPER_LINK_SECRET/,
    });
    expect(redeem(token, { linkSecret: "short" })).toMatchObject({ status: 503, message: /at least 32/ });
    expect(redeem(undefined)).toMatchObject({ status: 400, message: /token/ });
    expect(redeem("garbage")).toMatchObject({ status: 400, message: /malformed/ });
    expect(redeem(token, { now: NOW + 301_000 })).toMatchObject({ status: 401, message: /expired/ });
    expect(redeem(`${token.split(".")[0]}.AAAA`)).toMatchObject({ status: 401, message: /signature/ });
    expect(
      redeem(mintLinkToken("512445128", "another-secret-0123456789abcdefgh", { now: NOW, ttlSeconds: 60 })),
    ).toMatchObject({
      status: 401,
    });
  });

  it("only ever redirects within this site", () => {
    expect(sameSitePath("/products/3?ref=a")).toBe("/products/3?ref=a");
    for (const next of [
      undefined,
      "",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/a\nb",
      "products",
    ]) {
      expect(sameSitePath(next), String(next)).toBe("/");
    }
  });
});
