import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateScaleShop, IN_CLUSTER_SHARE, PURCHASE_SHARE } from "../src/scale/generate-scale-shop";
import {
  fitShopProfile,
  fitZipfExponent,
  type ProfileProduct,
  type ProfilePurchase,
  type ShopProfile,
} from "../src/scale/shop-profile";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jewelguide-scale-"));
  dirs.push(dir);
  return dir;
}

/** A small REES46-like store: rings (cheap, rose gold) and earrings (dearer, diamonds), purchases heavy-tailed. */
function sampleProfile(): ShopProfile {
  const products: ProfileProduct[] = [];
  for (let i = 0; i < 30; i++) {
    products.push({
      id: i,
      category: "ring",
      metal: "rose-gold",
      gem: null,
      color: "red",
      gender: "female",
      price: 100 + i,
    });
  }
  for (let i = 30; i < 40; i++) {
    products.push({
      id: i,
      category: "earring",
      metal: "white-gold",
      gem: "diamond",
      color: "white",
      gender: null,
      price: 1000 + 10 * i,
    });
  }
  const purchases: ProfilePurchase[] = [];
  // 80 shoppers buy once, 15 buy 4 times, 5 buy 20 times; product i is bought ∝ 1/(i+1).
  let next = 0;
  const buy = (userId: number) =>
    purchases.push({ userId, productId: Math.floor(40 / (1 + 39 * ((next++ * 0.618) % 1))) % 40 });
  for (let user = 0; user < 100; user++) {
    const times = user < 80 ? 1 : user < 95 ? 4 : 20;
    for (let t = 0; t < times; t++) buy(user);
  }
  return fitShopProfile(products, purchases);
}

function readCsv(file: string): string[][] {
  return fs
    .readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));
}

function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

describe("fitShopProfile", () => {
  it("counts the attribute mix, the price quantiles per category and the purchases per shopper", () => {
    const profile = sampleProfile();
    expect(profile.attributeMix.map((entry) => entry.products)).toEqual([30, 10]);
    expect(profile.attributeMix[0]?.attributes).toEqual({
      category: "ring",
      metal: "rose-gold",
      gem: null,
      color: "red",
      gender: "female",
    });
    expect(profile.priceQuantiles.ring?.[0]).toBe(100);
    expect(profile.priceQuantiles.ring?.[20]).toBe(129);
    expect(profile.priceQuantiles.ring?.[10]).toBe(114.5);
    expect(profile.priceQuantiles.earring?.[0]).toBe(1300);
    expect(profile.purchasesPerShopper).toEqual([
      [1, 80],
      [4, 15],
      [20, 5],
    ]);
    expect(profile.source).toEqual({ products: 40, purchases: 240, shoppers: 100 });
  });

  it("fits the Zipf exponent exactly on a Zipf law and names a bad price", () => {
    expect(fitZipfExponent([60, 30, 20, 15, 12])).toBeCloseTo(1, 10);
    expect(fitZipfExponent([64, 16, 64 / 9, 4])).toBeCloseTo(2, 10);
    expect(() =>
      fitShopProfile(
        [{ id: 7, category: "ring", metal: null, gem: null, color: null, gender: null, price: -1 }],
        [{ userId: 1, productId: 7 }],
      ),
    ).toThrow("product 7 has price -1");
    expect(() => fitShopProfile([], [])).toThrow("no products");
  });
});

describe("generateScaleShop", () => {
  const profile = sampleProfile();

  it("writes the same files for the same seed, different ones for another seed", () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    generateScaleShop(profile, { products: 500, events: 3000, seed: 5, dir: a });
    generateScaleShop(profile, { products: 500, events: 3000, seed: 5, dir: b });
    generateScaleShop(profile, { products: 500, events: 3000, seed: 6, dir: c });
    for (const file of ["catalog.csv", "users.csv", "events.csv"]) {
      expect(sha256(path.join(a, file))).toBe(sha256(path.join(b, file)));
      expect(sha256(path.join(a, file))).not.toBe(sha256(path.join(c, file)));
    }
  });

  it("writes the shop's CSV formats: every event names a product and a shopper of the files", () => {
    const dir = tempDir();
    const files = generateScaleShop(profile, { products: 300, events: 5000, seed: 1, dir });
    expect(fs.readFileSync(files.catalog, "utf8").split("\n")[0]).toBe(
      "sku,category,price,currency,metal,gem,color,gender",
    );
    expect(fs.readFileSync(files.events, "utf8").split("\n")[0]).toBe(
      "event_id,user_id,sku,type,occurred_at,source,order_id,price,quantity",
    );
    const skus = new Set(readCsv(files.catalog).map((row) => row[0]));
    const users = new Set(readCsv(files.users).map((row) => row[0]));
    const events = readCsv(files.events);
    expect(skus.size).toBe(300);
    expect(events).toHaveLength(5000);
    expect(files.counts).toMatchObject({ products: 300, events: 5000, shoppers: users.size });
    expect(new Set(events.map((row) => row[0])).size).toBe(5000);
    for (const [, user, sku, type, at, , order, price, quantity] of events) {
      expect(users.has(user)).toBe(true);
      expect(skus.has(sku)).toBe(true);
      expect(Number.isNaN(Date.parse(at ?? ""))).toBe(false);
      expect(at?.endsWith("Z")).toBe(true);
      if (type === "purchase") expect([order !== "", Number(price) > 0, quantity]).toEqual([true, true, "1"]);
      else expect([order, price, quantity]).toEqual(["", "", ""]);
    }
    expect(() => generateScaleShop(profile, { products: 0, events: 10, seed: 1, dir })).toThrow(
      "products must be a whole number ≥ 1, got 0",
    );
  });

  it("follows the profile: attribute mix, prices per category, purchases per shopper, popularity", () => {
    const dir = tempDir();
    const files = generateScaleShop(profile, { products: 4000, events: 60_000, seed: 2, dir });
    const catalog = readCsv(files.catalog);
    const rings = catalog.filter((row) => row[1] === "ring");
    expect(rings.length / catalog.length).toBeGreaterThan(0.72);
    expect(rings.length / catalog.length).toBeLessThan(0.78);
    for (const row of rings) {
      expect(row.slice(4)).toEqual(["rose-gold", "", "red", "female"]);
      expect(Number(row[2])).toBeGreaterThanOrEqual(100);
      expect(Number(row[2])).toBeLessThanOrEqual(129);
    }
    for (const row of catalog.filter((row) => row[1] === "earring"))
      expect(Number(row[2])).toBeGreaterThanOrEqual(1300);

    const events = readCsv(files.events);
    const purchases = new Map<string, number>();
    for (const row of events) {
      if (row[3] === "purchase") purchases.set(row[1] ?? "", (purchases.get(row[1] ?? "") ?? 0) + 1);
    }
    const shoppers = readCsv(files.users).length;
    // The profile's histogram: 80 % buy once, 15 % four times, 5 % twenty times (the last shopper may be cut short).
    const once = [...purchases.values()].filter((count) => count === 1).length;
    expect(once / shoppers).toBeGreaterThan(0.7);
    expect(once / shoppers).toBeLessThan(0.9);
    expect(Math.max(...purchases.values())).toBe(20);
    const purchaseShare = (files.counts.byType.purchase ?? 0) / events.length;
    expect(purchaseShare).toBeGreaterThan(PURCHASE_SHARE * 0.9);
    expect(purchaseShare).toBeLessThan(PURCHASE_SHARE * 1.1);

    // Zipf-like popularity: the top 1 % of products take far more than 1 % of the events.
    const perProduct = new Map<string, number>();
    for (const row of events) perProduct.set(row[2] ?? "", (perProduct.get(row[2] ?? "") ?? 0) + 1);
    const counts = [...perProduct.values()].sort((a, b) => b - a);
    const top = counts.slice(0, 40).reduce((a, b) => a + b, 0);
    expect(top / events.length).toBeGreaterThan(0.2);
  });

  it("gives shoppers taste clusters: most of a shopper's events fall on one run of similar products", () => {
    const dir = tempDir();
    const files = generateScaleShop(profile, { products: 2000, events: 40_000, seed: 3, dir });
    // Clusters are runs of products sorted by category, which the files do not name: measured through the category,
    // two consecutive events of one shopper share it far more often than two random events do (both in the
    // shopper's cluster with probability IN_CLUSTER_SHARE², and then always).
    const category = new Map(readCsv(files.catalog).map((row) => [row[0], row[1]]));
    const byShopper = new Map<string, string[]>();
    for (const row of readCsv(files.events)) {
      const list = byShopper.get(row[1] ?? "") ?? [];
      list.push(category.get(row[2]) ?? "");
      byShopper.set(row[1] ?? "", list);
    }
    let same = 0;
    let pairs = 0;
    for (const list of byShopper.values()) {
      for (let i = 1; i < list.length; i++) {
        pairs++;
        if (list[i] === list[i - 1]) same++;
      }
    }
    const ringShare = [...category.values()].filter((value) => value === "ring").length / category.size;
    const randomSame = ringShare ** 2 + (1 - ringShare) ** 2;
    expect(same / pairs).toBeGreaterThan(randomSame + (1 - randomSame) * (IN_CLUSTER_SHARE ** 2 - 0.15));
  });
});
