import { describe, expect, it } from "vitest";
import {
  createNonce,
  NON_DOCUMENT_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
} from "./content-security-policy";

/** The policy as directive → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("the page Content-Security-Policy", () => {
  it("runs scripts only by this request's nonce: no inline, no eval", () => {
    const policy = parsePolicy(pageContentSecurityPolicy({ nonce: "abc123==" }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    for (const sources of policy.values()) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
    }
  });

  it("allows eval only when asked (next dev)", () => {
    expect(parsePolicy(pageContentSecurityPolicy({ nonce: "n", allowEval: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it("cannot be framed, posts only here, talks only to this site, no plugins or <base>", () => {
    const policy = parsePolicy(pageContentSecurityPolicy({ nonce: "n" }));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "https:", "http:"]);
  });

  it("lets Next find the nonce the way it does (first 'nonce-…' of script-src)", () => {
    const nonce = createNonce();
    const policy = pageContentSecurityPolicy({ nonce });
    const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
    const found = scriptSrc.match(/'nonce-([A-Za-z0-9+/_-]+={0,2})'/)?.[1];
    expect(found).toBe(nonce);
  });
});

describe("createNonce", () => {
  it("is 16 random bytes in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("the policy for what is never a page", () => {
  it("allows nothing and cannot be framed", () => {
    const policy = parsePolicy(NON_DOCUMENT_CONTENT_SECURITY_POLICY);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });
});
