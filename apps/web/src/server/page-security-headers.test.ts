import { describe, expect, it } from "vitest";
import { addPageSecurityHeaders } from "./page-security-headers";
import { isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "./security-headers";

describe("addPageSecurityHeaders", () => {
  it("puts one fresh policy on the request (for Next) and the response", () => {
    const requestHeaders = new Headers({ cookie: "lang=en" });
    const response = addPageSecurityHeaders(requestHeaders, { trustProxy: false, allowEval: false });
    const policy = response.get("content-security-policy");
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'/);
    expect(requestHeaders.get("content-security-policy")).toBe(policy);
    expect(requestHeaders.get("cookie")).toBe("lang=en");

    const again = addPageSecurityHeaders(new Headers(), { trustProxy: false, allowEval: false });
    expect(again.get("content-security-policy")).not.toBe(policy);
  });

  it("replaces a policy a client sent (a client cannot choose the nonce)", () => {
    const requestHeaders = new Headers({ "content-security-policy": "script-src 'nonce-chosenByClient'" });
    addPageSecurityHeaders(requestHeaders, { trustProxy: false, allowEval: false });
    expect(requestHeaders.get("content-security-policy")).not.toContain("chosenByClient");
  });

  it("adds HSTS only over HTTPS behind a trusted proxy", () => {
    const https = () => new Headers({ "x-forwarded-proto": "https" });
    expect(
      addPageSecurityHeaders(https(), { trustProxy: true, allowEval: false }).get("strict-transport-security"),
    ).toBe(STRICT_TRANSPORT_SECURITY);
    expect(
      addPageSecurityHeaders(https(), { trustProxy: false, allowEval: false }).has("strict-transport-security"),
    ).toBe(false);
    expect(
      addPageSecurityHeaders(new Headers(), { trustProxy: true, allowEval: false }).has("strict-transport-security"),
    ).toBe(false);
  });
});

describe("isHttpsRequest", () => {
  const reader = (proto: string | undefined) => (name: string) => (name === "x-forwarded-proto" ? proto : undefined);

  it("believes x-forwarded-proto only with a trusted proxy, and only its last entry (the proxy's own)", () => {
    expect(isHttpsRequest(reader("https"), true)).toBe(true);
    expect(isHttpsRequest(reader("http, https"), true)).toBe(true);
    expect(isHttpsRequest(reader("https, http"), true)).toBe(false);
    expect(isHttpsRequest(reader("http"), true)).toBe(false);
    expect(isHttpsRequest(reader(undefined), true)).toBe(false);
    expect(isHttpsRequest(reader("https"), false)).toBe(false);
  });
});
