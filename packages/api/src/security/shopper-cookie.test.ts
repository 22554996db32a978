import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveServerSecrets } from "./server-secrets";
import { readShopperCookie, signShopperCookie } from "./shopper-cookie";
import { newWebShopperId } from "./shopper-external-id";

const key = deriveServerSecrets("shopper-cookie-test-secret-0123456789").shopperCookieKey;
const otherKey = deriveServerSecrets("another-shop-secret-abcdefghijklmnopqrstu").shopperCookieKey;

describe("the signed shopper cookie", () => {
  it("reads back the id it signed, for web ids and a shop's own customer ids", () => {
    for (const id of [newWebShopperId(), "512445128", "customer:42@shop"]) {
      expect(readShopperCookie(signShopperCookie(id, key), key)).toBe(id);
    }
  });

  it("makes web ids the server's own: w_ + 128 random bits, never numeric like an imported REES46 id", () => {
    const ids = Array.from({ length: 200 }, () => newWebShopperId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^w_[A-Za-z0-9_-]{22}$/);
  });

  it("ignores a bare id, a value signed with another key, and any altered value", () => {
    const value = signShopperCookie("w_alice", key);
    const [version, encodedId, signature] = value.split(".") as [string, string, string];
    const forgedId = Buffer.from("512445128").toString("base64url");
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    const cases = [
      undefined,
      "",
      "512445128",
      "w_alice",
      signShopperCookie("w_alice", otherKey),
      `${version}.${forgedId}.${signature}`,
      `${version}.${encodedId}.${flipped}`,
      `${version}.${encodedId}.${signature}x`,
      `${version}.${encodedId}`,
      `v2.${encodedId}.${signature}`,
      `${value}.extra`,
      `v1.${forgedId}.${crypto.createHmac("sha256", "guess").update(`v1.${forgedId}`).digest("base64url")}`,
    ];
    for (const forged of cases) expect(readShopperCookie(forged, key), String(forged)).toBeUndefined();
  });

  it("refuses to sign something that is not a shopper id", () => {
    expect(() => signShopperCookie("bad id with spaces", key)).toThrow(/not a shopper id/);
    expect(() => signShopperCookie("", key)).toThrow(/not a shopper id/);
  });
});
