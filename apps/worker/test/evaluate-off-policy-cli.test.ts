import { readOffPolicyMetrics } from "@jewelguide/db";
import { beforeEach, describe, expect, it } from "vitest";
import { seedPurchases } from "./helpers/seed-purchases";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();
const DAY_1 = Date.UTC(2026, 11, 1, 10);
const DAY_2 = Date.UTC(2026, 11, 2, 10);
const REQUESTS = 20;

/**
 * A logged exploration traffic of REQUESTS feeds of 12 (slots 3 and 9 exploratory, propensities 0.25 and 0.5), one per
 * shopper. The first half (day 1) explored products the shopper had not bought; the second half (day 2) explored
 * the shopper's own purchases, which no policy may show again — no candidate has support there. Rewards: clicks on
 * the first 6 exploratory picks of day 1, and a purchase on the first one.
 */
async function seedLog() {
  await seedPurchases(ws.db, { products: 30, users: REQUESTS, perUser: 3 });
  const products = await ws.db.product.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const users = await ws.db.user.findMany({ select: { id: true, externalId: true }, orderBy: { id: "asc" } });
  const bought = await ws.db.interaction.findMany({
    where: { type: "purchase" },
    select: { userId: true, productId: true },
  });
  const rows = [];
  const exploratory: Array<{ requestId: string; slot: number; productId: number; userId: number }> = [];
  for (let r = 0; r < REQUESTS; r++) {
    const user = users[r];
    if (!user) throw new Error(`no user ${r}`);
    const own = new Set(bought.filter((row) => row.userId === user.id).map((row) => row.productId));
    const notOwn = products.map((p) => p.id).filter((id) => !own.has(id));
    const firstHalf = r < REQUESTS / 2;
    const requestId = `req-${r}`;
    for (let slot = 0; slot < 12; slot++) {
      const isExploring = slot === 3 || slot === 9;
      const productId =
        isExploring && !firstHalf ? [...own][slot === 3 ? 0 : 1] : notOwn[(r + slot * 2) % notOwn.length];
      if (productId === undefined) throw new Error("no product");
      rows.push({
        requestId,
        shopperId: user.externalId,
        productId,
        slot,
        modelVersionId: null,
        policy: "thompson-beta/1",
        propensity: isExploring ? (slot === 3 ? 0.25 : 0.5) : 1,
        exploratory: isExploring,
        surface: "feed",
        servedAt: new Date((firstHalf ? DAY_1 : DAY_2) + r * 60_000),
      });
      if (isExploring) exploratory.push({ requestId, slot, productId, userId: user.id });
    }
  }
  await ws.db.impression.createMany({ data: rows });
  let key = 0;
  const reward = async (index: number, type: string) => {
    const pick = exploratory[index];
    if (!pick) throw new Error(`no pick ${index}`);
    await ws.db.interaction.create({
      data: {
        userId: pick.userId,
        productId: pick.productId,
        type,
        occurredAt: new Date(DAY_2 + 86_400_000),
        source: "web",
        idempotencyKey: `reward-${key++}`,
        requestId: pick.requestId,
        slot: pick.slot,
      },
    });
  };
  for (let index = 0; index < 6; index++) await reward(index, "click");
  await reward(0, "purchase");
}

describe("evaluate --off-policy", () => {
  let versionId = 0;
  beforeEach(async () => {
    await seedLog();
    expect((await ws.cli("train", "--kind", "itemknn", "--quiet", "--no-eval")).code).toBe(0);
    versionId = (await ws.db.modelVersion.findFirstOrThrow({ select: { id: true } })).id;
  });

  it("prints the three estimates beside the logged rate and stores them; --reward merges; --since narrows", async () => {
    const run = await ws.cli("evaluate", "--off-policy", "--version", String(versionId), "--since", "2026-12-01");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`replaying version ${versionId} on the logged requests: 20/20 requests`);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      new RegExp(
        `^version ${versionId} \\(itemknn\\) behind the exploration layer: 40 logged exploration decisions in 20 requests, served 2026-12-01T10:00:00.000Z – 2026-12-02T10:19:00.000Z by thompson-beta/1; effective sample size \\d+\\.\\d, supported share \\d+\\.\\d\\d% \\[`,
      ),
    );
    expect(lines[1]).toMatch(/^reward\s+logged \(observed\)\s+IPS\s+SNIPS\s+DR$/);
    // 6 clicks and 1 purchase (also a cart) among 40 decisions.
    expect(lines[2]).toMatch(/^click\s+15\.00% \[/);
    expect(lines[3]).toMatch(/^cart\s+2\.50% \[/);
    expect(lines[4]).toMatch(/^purchase\s+2\.50% \[/);
    const read = readOffPolicyMetrics(
      (await ws.db.modelVersion.findUniqueOrThrow({ where: { id: versionId }, select: { metrics: true } })).metrics,
    );
    if (!read.ok) throw new Error(read.problem);
    expect(read.estimates.map((estimate) => `${estimate.target}/${estimate.reward}`)).toEqual([
      "exploring/click",
      "exploring/cart",
      "exploring/purchase",
    ]);
    const click = read.estimates[0];
    expect(click).toMatchObject({ decisions: 40, requests: 20, since: "2026-12-01T00:00:00.000Z" });
    expect(click?.loggedReward.estimate).toBeCloseTo(6 / 40, 12);
    // Half the decisions (day 2) explored items no candidate may show: the supported share is at most about half.
    expect(click?.supportedShare.estimate).toBeLessThan(0.75);
    for (const estimate of read.estimates) {
      for (const interval of [estimate.inversePropensity, estimate.selfNormalised, estimate.doublyRobust]) {
        expect(interval.lower).toBeLessThanOrEqual(interval.estimate);
        expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate);
      }
    }

    const cartOnly = await ws.cli(
      "evaluate",
      "--off-policy",
      "--version",
      String(versionId),
      "--reward",
      "cart",
      "--quiet",
    );
    expect(cartOnly.code).toBe(0);
    expect(cartOnly.stdout.trimEnd().split("\n")).toHaveLength(3);
    const after = readOffPolicyMetrics(
      (await ws.db.modelVersion.findUniqueOrThrow({ where: { id: versionId }, select: { metrics: true } })).metrics,
    );
    expect(after.ok && after.estimates.map((estimate) => estimate.reward)).toEqual(["click", "purchase", "cart"]);
    expect(after.ok && after.estimates[2]?.since).toBeUndefined();

    // Day 2 alone: every logged item was the shopper's own purchase, which neither the candidate nor its greedy feed
    // may show — the logs say nothing about it.
    for (const extra of [[], ["--greedy"]]) {
      const unsupported = await ws.cli(
        "evaluate",
        "--off-policy",
        "--version",
        String(versionId),
        "--since",
        "2026-12-02T00:00:00Z",
        "--quiet",
        ...extra,
      );
      expect(unsupported.code).toBe(2);
      expect(unsupported.stderr).toMatch(
        /^error: Version \d+ (alone \(greedy\)|behind the exploration layer) gives probability 0 to every logged decision since 2026-12-02T00:00:00.000Z up to .* \(supported share 0\): the logs say nothing about it.\n$/,
      );
    }
  });

  it("says clearly what is wrong: no logs in the window, an unknown version, a bad flag", async () => {
    const late = await ws.cli("evaluate", "--off-policy", "--version", String(versionId), "--since", "2027-01-01");
    expect(late.code).toBe(2);
    expect(late.stderr).not.toContain("    at ");
    expect(late.stderr).toContain("needs at least 2 logged exploration decisions since 2027-01-01T00:00:00.000Z up to");
    expect(late.stderr).toContain("found 0: serve feeds with exploration on (JEWELGUIDE_EXPLORATION_SLOTS");
    expect(await ws.cli("evaluate", "--off-policy", "--version", "999")).toMatchObject({ code: 2 });
    expect((await ws.cli("evaluate", "--off-policy", "--version", "999")).stderr).toContain(
      "model version 999 does not exist",
    );
    const reward = await ws.cli("evaluate", "--off-policy", "--version", String(versionId), "--reward", "view");
    expect(reward.code).toBe(2);
    expect(reward.stderr).toContain('--reward must be one of click, cart, purchase, not "view"');
    const since = await ws.cli("evaluate", "--off-policy", "--version", String(versionId), "--since", "yesterday");
    expect(since.code).toBe(2);
    expect(since.stderr).toContain("--since must be an ISO date or date-time");
    const alone = await ws.cli("evaluate", "--version", String(versionId), "--greedy");
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--greedy needs --off-policy");
  });
});
