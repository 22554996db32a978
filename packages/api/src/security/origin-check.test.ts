import { describe, expect, it } from "vitest";
import { findCrossOriginRefusal, type OriginCheckRequest } from "./origin-check";

const post = (fields: Partial<OriginCheckRequest>): OriginCheckRequest => ({
  method: "POST",
  origin: null,
  fetchSite: null,
  selfOrigin: "http://shop.example:3000",
  isWorker: false,
  ...fields,
});

describe("findCrossOriginRefusal", () => {
  it("lets the shop's own pages through (the scheme may differ behind a TLS proxy, the host may not)", () => {
    expect(findCrossOriginRefusal(post({ origin: "http://shop.example:3000" }))).toBeUndefined();
    expect(findCrossOriginRefusal(post({ origin: "https://SHOP.example:3000" }))).toBeUndefined();
    expect(findCrossOriginRefusal(post({ fetchSite: "same-origin" }))).toBeUndefined();
    expect(findCrossOriginRefusal(post({ fetchSite: "none" }))).toBeUndefined();
  });

  it("refuses another origin, a sibling port, an opaque origin, and a cross-site fetch without Origin", () => {
    for (const fields of [
      { origin: "https://evil.example" },
      { origin: "http://shop.example:4000" },
      { origin: "null" },
      { origin: "not a url" },
      { fetchSite: "cross-site" },
      { fetchSite: "same-site" },
    ]) {
      expect(findCrossOriginRefusal(post(fields))?.code).toBe("FORBIDDEN");
    }
    expect(findCrossOriginRefusal(post({ origin: "https://evil.example", selfOrigin: null }))?.message).toMatch(
      /Origin https:\/\/evil\.example is not this shop/,
    );
  });

  it("exempts reads, the worker token and requests no browser page sent (neither Origin nor Sec-Fetch-Site)", () => {
    expect(findCrossOriginRefusal(post({ method: "GET", origin: "https://evil.example" }))).toBeUndefined();
    expect(findCrossOriginRefusal(post({ isWorker: true, origin: "https://evil.example" }))).toBeUndefined();
    expect(findCrossOriginRefusal(post({}))).toBeUndefined();
  });
});
