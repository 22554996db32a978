import { createStaffUser, type OffPolicyEstimate, saveCandidateVersion } from "@jewelguide/db";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createContextInner } from "../../context";
import { createCaller } from "../../root";
import { createTestRuntime } from "../../test/create-test-runtime";
import { testDialects } from "../../test/test-dialects";
import { type CookieJar, createMemoryCookieJar } from "../auth/cookie-jar";

/** Binary fractions only: the JSON columns need not round-trip every double's last digit. */
const interval = (estimate: number) => ({
  estimate,
  standardError: 0.015625,
  lower: estimate - 0.03125,
  upper: estimate + 0.03125,
});

function estimate(target: OffPolicyEstimate["target"], reward: OffPolicyEstimate["reward"], value: number) {
  return {
    target,
    reward,
    evaluatedAt: "2026-12-06T19:00:00.000Z",
    firstServedAt: "2026-12-01T00:00:00.000Z",
    lastServedAt: "2026-12-05T00:00:00.000Z",
    loggingPolicies: ["thompson-beta/1"],
    rewardModel: "per-item smoothed rate",
    requests: 40,
    decisions: 80,
    loggedReward: interval(0.046875),
    inversePropensity: interval(value),
    selfNormalised: interval(value),
    doublyRobust: interval(value),
    effectiveSampleSize: 61.25,
    supportedShare: interval(0.9375),
  } satisfies OffPolicyEstimate;
}

describe.each(testDialects)("dashboard off-policy estimates on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  const ids: Record<string, number> = {};
  const caller = (cookies: CookieJar = createMemoryCookieJar()) =>
    createCaller(createContextInner({ runtime: createTestRuntime(database), cookies }));

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    const save = (metrics: Record<string, unknown>) =>
      saveCandidateVersion(database.db, {
        kind: "ease",
        params: {},
        metrics: { validation: { "recall@20": 0.2 }, ...metrics },
        dataSnapshot: {},
        artifact: new Uint8Array([1]),
      });
    ids.none = (await save({})).id;
    ids.evaluated = (
      await save({
        offPolicy: {
          estimates: [
            estimate("greedy", "click", 0.015625),
            estimate("exploring", "purchase", 0.001953125),
            estimate("exploring", "click", 0.0625),
          ],
        },
      })
    ).id;
    ids.malformed = (await save({ offPolicy: { estimates: [{ target: "exploring" }] } })).id;
    await createStaffUser(database.db, {
      email: "merch@shop.test",
      role: "merchandiser",
      password: "a long enough password",
    });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("is for staff only", async () => {
    await expect(caller().dashboard.offPolicy()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller(createMemoryCookieJar({ jg_shopper: "s-1" })).dashboard.offPolicy()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lists the versions with stored estimates, newest first, exploring before greedy and click before purchase", async () => {
    const jar = createMemoryCookieJar();
    await caller(jar).staffAuth.login({ email: "merch@shop.test", password: "a long enough password" });
    const rows = await caller(jar).dashboard.offPolicy();
    expect(rows.map((row) => row.id)).toEqual([ids.malformed, ids.evaluated]);
    const [malformed, evaluated] = rows;
    expect(malformed?.estimates).toEqual([]);
    expect(malformed?.problem).toMatch(/^metrics\.offPolicy\.estimates\.0\.reward: /);
    expect(evaluated?.problem).toBeUndefined();
    expect(evaluated?.estimates.map((row) => `${row.target}/${row.reward}`)).toEqual([
      "exploring/click",
      "exploring/purchase",
      "greedy/click",
    ]);
    expect(evaluated?.estimates[0]?.doublyRobust).toEqual(interval(0.0625));
  });
});
