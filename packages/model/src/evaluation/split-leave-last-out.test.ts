import { describe, expect, it } from "vitest";
import { splitLeaveLastOut } from "./split-leave-last-out";

const row = (userId: string, itemId: string, timestamp: number) => ({ userId, itemId, timestamp, type: "purchase" });

describe("splitLeaveLastOut (REES46 protocol)", () => {
  const rows = [
    row("alice", "r1", 1),
    row("alice", "r2", 2),
    row("alice", "r1", 9), // duplicate pair: the earliest (t=1) is kept, this row is dropped
    row("alice", "r4", 5),
    row("alice", "r3", 5), // tie at t=5 with r4: hash("alice|r3") < hash("alice|r4"), so r4 is the last
    row("bob", "b1", 1),
    row("bob", "b2", 2), // bob has 2 items: all training
    row("", "x", 3), // empty user: dropped
    row("carol", "", 3), // empty item: dropped
    row("dan", "d2", 7),
    row("dan", "d1", 7), // ties at t=7, in hash order: d1 < d2 < d3
    row("dan", "d3", 7),
  ];
  const split = splitLeaveLastOut(rows);

  it("holds out the latest item as test and the second latest as validation", () => {
    expect(split.test).toEqual([
      { userId: "alice", itemId: "r4", timestamp: 5 },
      { userId: "dan", itemId: "d3", timestamp: 7 },
    ]);
    expect(split.validation).toEqual([
      { userId: "alice", itemId: "r3", timestamp: 5 },
      { userId: "dan", itemId: "d2", timestamp: 7 },
    ]);
  });

  it("keeps everything else, deduplicated, in input order, as training", () => {
    expect(split.train.map((r) => `${r.userId}:${r.itemId}@${r.timestamp}`)).toEqual([
      "alice:r1@1",
      "alice:r2@2",
      "bob:b1@1",
      "bob:b2@2",
      "dan:d1@7",
    ]);
  });

  it("keeps the earliest row of a duplicated pair even when it comes later in the input", () => {
    const late = splitLeaveLastOut([row("u", "a", 9), row("u", "a", 2), row("u", "b", 5), row("u", "c", 6)]);
    expect(late.train).toEqual([row("u", "a", 2)]);
    expect(late.validation[0]?.itemId).toBe("b");
    expect(late.test[0]?.itemId).toBe("c");
  });

  describe("two purchases in one order (the tie rule)", () => {
    // hash("u|p1") < hash("u|p2") but hash("w|p1") > hash("w|p2"): the hash, not the id, picks the test target.
    const basket = (userId: string, first: string, second: string) => [
      row(userId, "early", 1),
      row(userId, first, 5),
      row(userId, second, 5),
    ];

    it.each([
      ["u", "p2", "p1"],
      ["w", "p1", "p2"],
    ])("shopper %s: test %s, validation %s, in either input order", (userId, test, validation) => {
      for (const rows of [basket(userId, "p1", "p2"), basket(userId, "p2", "p1")]) {
        const split = splitLeaveLastOut(rows);
        expect(split.test).toEqual([{ userId, itemId: test, timestamp: 5 }]);
        expect(split.validation).toEqual([{ userId, itemId: validation, timestamp: 5 }]);
        expect(split.train.map((r) => r.itemId)).toEqual(["early"]);
      }
    });
  });
});
