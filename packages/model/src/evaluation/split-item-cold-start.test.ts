import { describe, expect, it } from "vitest";
import { splitItemColdStart } from "./split-item-cold-start";

const train = Array.from({ length: 200 }, (_, k) => ({
  userId: `u${k % 40}`,
  itemId: `i${(k * 7) % 50}`,
  timestamp: k,
}));
const test = Array.from({ length: 40 }, (_, u) => ({
  userId: `u${u}`,
  itemId: `i${(u * 3) % 50}`,
  timestamp: 1_000 + u,
}));

describe("splitItemColdStart", () => {
  it("removes a seeded tenth of the items from training entirely and tests the shoppers who bought one next", () => {
    const split = splitItemColdStart({ train, test }, { seed: 0 });
    expect(split.removedItemIds.size).toBe(5);
    expect(split.train.some((row) => split.removedItemIds.has(row.itemId))).toBe(false);
    expect(split.train).toHaveLength(train.filter((row) => !split.removedItemIds.has(row.itemId)).length);
    expect(split.test.length).toBeGreaterThan(0);
    expect(split.test.every((target) => split.removedItemIds.has(target.itemId))).toBe(true);
    expect(split.test).toEqual(test.filter((target) => split.removedItemIds.has(target.itemId)));
  });

  it("depends on the seed and the item ids only, not on row order", () => {
    const a = splitItemColdStart({ train, test }, { seed: 3 });
    const b = splitItemColdStart({ train: [...train].reverse(), test: [...test].reverse() }, { seed: 3 });
    expect([...b.removedItemIds].sort()).toEqual([...a.removedItemIds].sort());
    const other = splitItemColdStart({ train, test }, { seed: 4 });
    expect([...other.removedItemIds].sort()).not.toEqual([...a.removedItemIds].sort());
  });

  it("refuses a fraction outside (0, 1)", () => {
    expect(() => splitItemColdStart({ train, test }, { seed: 0, fraction: 1 })).toThrow(/fraction/);
  });
});
