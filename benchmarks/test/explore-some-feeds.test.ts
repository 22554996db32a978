import { describe, expect, it } from "vitest";
import { exploreSomeFeeds, visitExplores } from "../src/exploration/explore-some-feeds";
import type { FeedPolicy, VisitContext } from "../src/exploration/feed-policy";

const marker = (name: string): FeedPolicy => ({
  name,
  serve: () => ({
    picks: [{ itemIndex: name === "explore" ? 1 : 0, slot: 0, propensity: 1, exploratory: name === "explore" }],
  }),
});

const visit = (userId: string, day: number) => ({ userId, day }) as VisitContext;

describe("exploreSomeFeeds (the simulation's share of exploring feeds)", () => {
  it("explores exactly the visits its hash picks, about the share asked, the same ones every time", () => {
    const policy = exploreSomeFeeds("half", marker("explore"), marker("greedy"), 0.5, 3);
    let explored = 0;
    const visits = 4000;
    for (let i = 0; i < visits; i++) {
      const context = visit(`shopper-${i % 400}`, Math.floor(i / 400));
      const served = policy.serve(context);
      const explores = visitExplores(3, context.userId, context.day, 0.5);
      expect(served.picks[0]?.exploratory).toBe(explores);
      expect(policy.serve(context)).toEqual(served);
      if (explores) explored++;
    }
    // 4,000 visits: the binomial standard deviation of the share is 0.008.
    expect(explored / visits).toBeGreaterThan(0.47);
    expect(explored / visits).toBeLessThan(0.53);
    // A shopper explores on some days and not others; another seed picks other visits.
    const days = Array.from({ length: 10 }, (_, day) => visitExplores(3, "shopper-1", day, 0.5));
    expect(days).toContain(true);
    expect(days).toContain(false);
    const otherSeed = Array.from({ length: 10 }, (_, day) => visitExplores(4, "shopper-1", day, 0.5));
    expect(otherSeed).not.toEqual(days);
  });

  it("explores every visit at 1 and refuses a share outside (0, 1]", () => {
    const always = exploreSomeFeeds("all", marker("explore"), marker("greedy"), 1, 0);
    for (let day = 0; day < 20; day++) expect(always.serve(visit("s", day)).picks[0]?.exploratory).toBe(true);
    expect(() => exploreSomeFeeds("none", marker("explore"), marker("greedy"), 0, 0)).toThrow(
      /feedShare must be in \(0, 1\], got 0/,
    );
    expect(() => exploreSomeFeeds("more", marker("explore"), marker("greedy"), 1.5, 0)).toThrow(/got 1.5/);
  });
});
