import { describe, expect, it } from "vitest";
import { getCsrRow } from "./csr-matrix";
import { IdMap } from "./id-map";
import type { CatalogItem } from "./interaction";
import { createInteractionDataset } from "./interaction-dataset";

const item = (itemId: string): CatalogItem => ({
  itemId,
  category: "ring",
  metal: "gold",
  gem: null,
  color: null,
  gender: null,
  price: 100,
  brand: null,
});

describe("createInteractionDataset", () => {
  it("weights events by type, sums repeats, drops impressions, keeps the latest timestamp", () => {
    const data = createInteractionDataset({
      catalog: [item("r1"), item("r2"), item("r3")],
      interactions: [
        { userId: "u", itemId: "r2", type: "view", timestamp: 1 },
        { userId: "u", itemId: "r2", type: "cart", timestamp: 5 },
        { userId: "u", itemId: "r1", type: "impression", timestamp: 2 },
        { userId: "v", itemId: "r3", type: "purchase", timestamp: 3, weight: 2.5 },
      ],
    });
    expect(data.items.ids()).toEqual(["r1", "r2", "r3"]);
    const u = getCsrRow(data.matrix, data.users.indexOf("u"));
    expect(Array.from(u.indices)).toEqual([1]);
    expect(Array.from(u.values)).toEqual([7]); // view 1 + cart 6
    expect(data.timestamps[data.matrix.indptr[0] ?? 0]).toBe(5);
    expect(Array.from(getCsrRow(data.matrix, data.users.indexOf("v")).values)).toEqual([2.5]);
  });

  it("accepts custom event weights and max aggregation", () => {
    const data = createInteractionDataset(
      {
        interactions: [
          { userId: "u", itemId: "a", type: "view", timestamp: 1 },
          { userId: "u", itemId: "a", type: "click", timestamp: 2 },
        ],
      },
      { eventWeights: { impression: 0, view: 3, click: 1, favorite: 1, cart: 1, purchase: 1 }, aggregate: "max" },
    );
    expect(Array.from(data.matrix.data)).toEqual([3]);
  });

  it("names the bad id when an interaction is outside the catalog", () => {
    expect(() =>
      createInteractionDataset({
        catalog: [item("r1")],
        interactions: [{ userId: "u", itemId: "sku-9", type: "view", timestamp: 1 }],
      }),
    ).toThrow(/item 'sku-9', which is not in the catalog/);
  });
});

describe("IdMap", () => {
  it("maps both ways and names unknown ids", () => {
    const ids = new IdMap("item", ["a", "b", "a"]);
    expect(ids.size).toBe(2);
    expect(ids.indexOf("b")).toBe(1);
    expect(ids.idAt(0)).toBe("a");
    expect(() => ids.indexOf("zz")).toThrow(/Unknown item id 'zz'/);
    expect(() => ids.add("")).toThrow(/Empty item id/);
  });
});
