import { describe, expect, it } from "vitest";
import { comparePurchaseOrder, fnv1a32, purchaseTieKey } from "./purchase-order";

describe("fnv1a32", () => {
  it("matches the protocol's reference value and hashes UTF-8 bytes", () => {
    expect(fnv1a32("a|b")).toBe(692878806);
    expect(fnv1a32("")).toBe(2166136261);
    // Reference from a byte-wise FNV-1a over "ü|戒指".encode("utf-8") (Python).
    expect(fnv1a32("ü|戒指")).toBe(2920842557);
  });
});

describe("comparePurchaseOrder", () => {
  const at = (userId: string, itemId: string, timestamp: number) => ({ userId, itemId, timestamp });

  it("orders by time first, whatever the hashes", () => {
    expect(comparePurchaseOrder(at("w", "p1", 1), at("w", "p2", 2))).toBeLessThan(0);
    expect(comparePurchaseOrder(at("w", "p2", 1), at("w", "p1", 2))).toBeLessThan(0);
  });

  it("orders items bought together by the hash of '<user>|<item>', not by item id", () => {
    // For shopper u the hash order agrees with the id order, for shopper w it is the reverse.
    expect(purchaseTieKey("u", "p1")).toBeLessThan(purchaseTieKey("u", "p2"));
    expect(purchaseTieKey("w", "p1")).toBeGreaterThan(purchaseTieKey("w", "p2"));
    expect(comparePurchaseOrder(at("u", "p1", 5), at("u", "p2", 5))).toBeLessThan(0);
    expect(comparePurchaseOrder(at("w", "p1", 5), at("w", "p2", 5))).toBeGreaterThan(0);
    expect(comparePurchaseOrder(at("w", "p1", 5), at("w", "p1", 5))).toBe(0);
  });
});
