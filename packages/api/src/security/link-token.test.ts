import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { LINK_TOKEN_MAX_TTL_SECONDS, mintLinkToken, verifyLinkToken } from "./link-token";

const SECRET = "shop-backend-link-secret-0123456789abcdef";
const NOW = Date.parse("2026-12-06T12:00:00Z");

describe("customer link tokens", () => {
  it("round-trips a customer id until it expires, never after", () => {
    const token = mintLinkToken("512445128", SECRET, { now: NOW, ttlSeconds: 300 });
    expect(verifyLinkToken(token, SECRET, NOW)).toEqual({
      ok: true,
      externalId: "512445128",
      expiresAt: NOW + 300_000,
    });
    expect(verifyLinkToken(token, SECRET, NOW + 299_000)).toMatchObject({ ok: true });
    expect(verifyLinkToken(token, SECRET, NOW + 300_000)).toEqual({ ok: false, reason: "expired" });
    expect(verifyLinkToken(token, SECRET, NOW + 86_400_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("matches the recipe in the README, so any backend language can mint one", () => {
    const body = Buffer.from(JSON.stringify({ sub: "c-77", exp: NOW / 1000 + 60 })).toString("base64url");
    const token = `${body}.${crypto.createHmac("sha256", SECRET).update(body).digest("base64url")}`;
    expect(verifyLinkToken(token, SECRET, NOW)).toMatchObject({ ok: true, externalId: "c-77" });
  });

  it("refuses forged, altered, over-long-lived and malformed tokens", () => {
    const token = mintLinkToken("512445128", SECRET, { now: NOW, ttlSeconds: 300 });
    const [body, signature] = token.split(".") as [string, string];
    const otherBody = Buffer.from(JSON.stringify({ sub: "999", exp: NOW / 1000 + 300 })).toString("base64url");
    const sign = (claims: unknown) => {
      const b = Buffer.from(JSON.stringify(claims)).toString("base64url");
      return `${b}.${crypto.createHmac("sha256", SECRET).update(b).digest("base64url")}`;
    };
    expect(
      verifyLinkToken(
        mintLinkToken("512445128", "another-secret-0123456789abcdefgh", { now: NOW, ttlSeconds: 60 }),
        SECRET,
        NOW,
      ),
    ).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyLinkToken(`${otherBody}.${signature}`, SECRET, NOW)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyLinkToken(`${body}.${signature.slice(1)}`, SECRET, NOW)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyLinkToken(sign({ sub: "1", exp: NOW / 1000 + LINK_TOKEN_MAX_TTL_SECONDS + 60 }), SECRET, NOW)).toEqual(
      {
        ok: false,
        reason: "too-long-lived",
      },
    );
    expect(verifyLinkToken(sign({ sub: "bad id", exp: NOW / 1000 + 60 }), SECRET, NOW)).toEqual({
      ok: false,
      reason: "bad-subject",
    });
    expect(verifyLinkToken(sign({ sub: "1", exp: "soon" }), SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyLinkToken(sign([1]), SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyLinkToken("no-dot", SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyLinkToken("a.b.c", SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
  });

  it("will not mint a token that lives longer than the maximum or names no valid customer", () => {
    expect(() => mintLinkToken("1", SECRET, { now: NOW, ttlSeconds: LINK_TOKEN_MAX_TTL_SECONDS + 1 })).toThrow(
      /lifetime/,
    );
    expect(() => mintLinkToken("bad id", SECRET, { now: NOW, ttlSeconds: 60 })).toThrow(/customer id/);
  });
});
