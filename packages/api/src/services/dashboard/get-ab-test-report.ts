import type { Db } from "@jewelguide/db";
import { AppError } from "@jewelguide/db/errors";
import { type AbArm, assignAbArm } from "../../ab-testing/assign-ab-arm";
import { addEvent, emptyCounts, type OnlineCounts, type OnlineMetrics, withRates } from "./online-metrics";
import { twoProportionZTest } from "./two-proportion-z-test";
import { wilsonInterval } from "./wilson-interval";

type Interval = { low: number; high: number };
export type AbArmReport = OnlineMetrics & {
  arm: AbArm;
  versionId: number;
  shoppers: number;
  ctrInterval: Interval;
  conversionInterval: Interval;
};
export type AbTestReport = {
  test: {
    id: number;
    name: string;
    status: string;
    shareB: number;
    startedAt: Date;
    stoppedAt: Date | null;
    winnerVersionId: number | null;
  };
  arms: [AbArmReport, AbArmReport];
  /** B vs A, two-sided two-proportion z-tests (null when a test is undefined: no impressions, or rates of 0 or 1). */
  ctrTest: { z: number; pValue: number } | null;
  conversionTest: { z: number; pValue: number } | null;
  simulatedEvents: number;
};

/**
 * Each arm's metrics over the test's window: every shopper with events in [startedAt, stoppedAt or now] is put in
 * arm A or B by the salted hash the serving uses (assignAbArm with the server's `abTestSalt`), and those of their
 * stored events that the server attributed to their arm's version are counted — `modelVersionId` is only ever set
 * from a served item's signed attribution (services/events/log-events.ts), so events a client merely claims, from
 * however many cookies, cannot move the report. 95% Wilson intervals for CTR and conversion, and z-tests of B
 * against A.
 */
export async function getAbTestReport(db: Db, id: number, abTestSalt: string): Promise<AbTestReport> {
  const test = await db.abTest.findUnique({ where: { id } });
  if (!test) throw new AppError("NOT_FOUND", `A/B test ${id} does not exist`);
  const rows = await db.interaction.findMany({
    where: {
      occurredAt: { gte: test.startedAt, ...(test.stoppedAt ? { lte: test.stoppedAt } : {}) },
      modelVersionId: { in: [test.versionAId, test.versionBId] },
    },
    select: {
      type: true,
      price: true,
      quantity: true,
      modelVersionId: true,
      context: true,
      user: { select: { externalId: true } },
    },
  });
  const counts: Record<AbArm, OnlineCounts> = { A: emptyCounts(), B: emptyCounts() };
  const shoppers: Record<AbArm, Set<string>> = { A: new Set(), B: new Set() };
  // One HMAC per shopper, not per event.
  const armOf = new Map<string, AbArm>();
  let simulatedEvents = 0;
  for (const row of rows) {
    const context =
      typeof row.context === "object" && row.context !== null ? (row.context as Record<string, unknown>) : {};
    if (context.removed === true) continue;
    let arm = armOf.get(row.user.externalId);
    if (!arm) {
      arm = assignAbArm(test, row.user.externalId, abTestSalt);
      armOf.set(row.user.externalId, arm);
    }
    if (row.modelVersionId !== (arm === "B" ? test.versionBId : test.versionAId)) continue;
    if (context.simulated === true) simulatedEvents += 1;
    shoppers[arm].add(row.user.externalId);
    addEvent(counts[arm], row);
  }
  const arm = (name: AbArm, versionId: number): AbArmReport => {
    const c = counts[name];
    return {
      arm: name,
      versionId,
      shoppers: shoppers[name].size,
      ...withRates(c),
      ctrInterval: wilsonInterval(c.clicks, c.impressions),
      conversionInterval: wilsonInterval(c.purchases, c.impressions),
    };
  };
  return {
    test: {
      id: test.id,
      name: test.name,
      status: test.status,
      shareB: test.shareB,
      startedAt: test.startedAt,
      stoppedAt: test.stoppedAt,
      winnerVersionId: test.winnerVersionId,
    },
    arms: [arm("A", test.versionAId), arm("B", test.versionBId)],
    ctrTest: twoProportionZTest(counts.A.clicks, counts.A.impressions, counts.B.clicks, counts.B.impressions),
    conversionTest: twoProportionZTest(
      counts.A.purchases,
      counts.A.impressions,
      counts.B.purchases,
      counts.B.impressions,
    ),
    simulatedEvents,
  };
}
