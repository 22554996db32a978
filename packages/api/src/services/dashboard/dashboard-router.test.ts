import { createStaffUser, type Db, publishModelVersion, saveCandidateVersion } from "@jewelguide/db";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { assignAbArm } from "../../ab-testing/assign-ab-arm";
import { createContextInner } from "../../context";
import { createCaller } from "../../root";
import { createTestRuntime } from "../../test/create-test-runtime";
import { testDialects } from "../../test/test-dialects";
import { TEST_SECRETS } from "../../test/test-secrets";
import { type CookieJar, type CookieOptions, createMemoryCookieJar } from "../auth/cookie-jar";
import { STAFF_COOKIE } from "../auth/staff-cookie";

type RecordingJar = CookieJar & { lastOptions?: CookieOptions };

function recordingJar(initial: Record<string, string> = {}): RecordingJar {
  const inner = createMemoryCookieJar(initial);
  const jar: RecordingJar = {
    get: (name) => inner.get(name),
    set(name, value, options) {
      jar.lastOptions = options;
      inner.set(name, value, options);
    },
  };
  return jar;
}

async function seed(db: Db) {
  const product = (sku: string, category: string, price: number, imageUrl: string | null) =>
    db.product.create({ data: { sku, titleZh: sku, titleEn: sku, category, price, imageUrl } });
  const ring = await product("P1", "ring", 100, "/media/p1.jpg");
  const earring = await product("P2", "earring", 50, "/media/p2.jpg");
  const pendant = await product("P3", "pendant", 70, null);
  const u1 = await db.user.create({ data: { externalId: "u1" } });
  const u2 = await db.user.create({ data: { externalId: "u2" } });
  const version = (recall: number) =>
    saveCandidateVersion(db, {
      kind: "ease",
      params: {},
      metrics: {
        validation: { "recall@20": recall, "ndcg@20": recall / 2, "precision@20": 0.01 },
        test: { "recall@20": recall, "ndcg@20": recall / 2 },
        baselines: { popularity: { validation: { "recall@20": 0.1 }, test: { "recall@20": 0.12 } } },
      },
      dataSnapshot: { interactions: 10, hash: "abc" },
      artifact: new Uint8Array([1]),
    });
  const v1 = await version(0.3);
  const v2 = await version(0.2);
  await publishModelVersion(db, v1.id);
  let key = 0;
  const event = (
    userId: number,
    productId: number,
    type: string,
    day: string,
    modelVersionId: number | null,
    extra: { price?: number; quantity?: number; context?: { simulated?: boolean; removed?: boolean } } = {},
  ) =>
    db.interaction.create({
      data: {
        userId,
        productId,
        type,
        occurredAt: new Date(`${day}T10:00:00Z`),
        source: "web",
        idempotencyKey: `k${key++}`,
        modelVersionId,
        price: extra.price,
        quantity: extra.quantity ?? 1,
        context: extra.context ?? {},
      },
    });
  await event(u1.id, ring.id, "impression", "2026-01-01", v1.id);
  await event(u1.id, earring.id, "impression", "2026-01-01", v1.id);
  await event(u1.id, ring.id, "click", "2026-01-01", v1.id);
  await event(u1.id, ring.id, "cart", "2026-01-01", v1.id);
  await event(u1.id, ring.id, "purchase", "2026-01-01", v1.id, { price: 100, quantity: 2 });
  await event(u2.id, ring.id, "impression", "2026-01-02", v2.id);
  await event(u2.id, earring.id, "impression", "2026-01-02", v2.id);
  await event(u2.id, ring.id, "impression", "2026-01-02", v2.id, { context: { simulated: true } });
  await event(u2.id, earring.id, "favorite", "2026-01-02", v2.id);
  await event(u2.id, earring.id, "favorite", "2026-01-02", v2.id, { context: { removed: true } });
  await event(u2.id, earring.id, "purchase", "2026-01-02", null, { price: 50 });
  return { v1: v1.id, v2: v2.id, pendant: pendant.id };
}

describe.each(testDialects)("dashboard procedures on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  let ids: Awaited<ReturnType<typeof seed>>;
  const caller = (cookies: CookieJar = createMemoryCookieJar()) =>
    createCaller(createContextInner({ runtime: createTestRuntime(database), cookies }));
  const logIn = async (email: string) => {
    const jar = recordingJar();
    await caller(jar).staffAuth.login({ email, password: "a long enough password" });
    return jar;
  };

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    ids = await seed(database.db);
    await createStaffUser(database.db, { email: "admin@shop.test", role: "admin", password: "a long enough password" });
    await createStaffUser(database.db, {
      email: "merch@shop.test",
      role: "merchandiser",
      password: "a long enough password",
    });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("refuses anonymous callers (UNAUTHORIZED), shoppers (FORBIDDEN) and merchandisers on admin actions", async () => {
    await expect(caller().dashboard.versions()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller(createMemoryCookieJar({ jg_shopper: "s-1" })).dashboard.versions()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      caller(createMemoryCookieJar({ [STAFF_COOKIE]: "forged" })).dashboard.versions(),
    ).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const merch = await logIn("merch@shop.test");
    expect((await caller(merch).dashboard.versions()).length).toBe(2);
    await expect(caller(merch).dashboard.rollback({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller(merch).dashboard.startAbTest({ name: "x", versionAId: ids.v1, versionBId: ids.v2, shareB: 0.5 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller(merch).dashboard.publish({ id: ids.v2 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("logs in with an http-only same-site cookie whose token is stored hashed, and logs out", async () => {
    await expect(
      caller().staffAuth.login({ email: "admin@shop.test", password: "wrong password!" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller().staffAuth.login({ email: "nobody@shop.test", password: "x" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const jar = await logIn("ADMIN@shop.test");
    expect(jar.lastOptions).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    const token = jar.get(STAFF_COOKIE) ?? "";
    expect(token.length).toBeGreaterThan(30);
    expect(await database.db.staffSession.count({ where: { tokenHash: token } })).toBe(0);
    expect(await caller(jar).staffAuth.me()).toMatchObject({ email: "admin@shop.test", role: "admin" });
    await caller(jar).staffAuth.logout();
    expect(jar.get(STAFF_COOKIE)).toBeUndefined();
    await expect(caller(createMemoryCookieJar({ [STAFF_COOKIE]: token })).dashboard.versions()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("aggregates online metrics per version, day and category as computed by hand", async () => {
    const report = await caller(await logIn("merch@shop.test")).dashboard.onlineMetrics({});
    expect(report.from).toBe("2025-12-04");
    expect(report.to).toBe("2026-01-02");
    expect(report.total).toMatchObject({
      impressions: 5,
      clicks: 1,
      carts: 1,
      favorites: 1,
      purchases: 2,
      revenue: 250,
    });
    expect(report.total.ctr).toBeCloseTo(0.2);
    expect(report.total.conversion).toBeCloseTo(0.4);
    const byVersion = new Map(report.byVersion.map((row) => [row.modelVersionId, row]));
    expect(byVersion.get(ids.v1)).toMatchObject({
      impressions: 2,
      clicks: 1,
      carts: 1,
      purchases: 1,
      revenue: 200,
      ctr: 0.5,
      cartRate: 0.5,
      conversion: 0.5,
    });
    expect(byVersion.get(ids.v2)).toMatchObject({ impressions: 3, favorites: 1, ctr: 0, purchases: 0 });
    expect(byVersion.get(ids.v2)?.favoriteRate).toBeCloseTo(1 / 3);
    expect(byVersion.get(null)).toMatchObject({
      impressions: 0,
      purchases: 1,
      revenue: 50,
      ctr: null,
      conversion: null,
    });
    expect(report.byDay.map((row) => [row.day, row.impressions, row.revenue])).toEqual([
      ["2026-01-01", 2, 200],
      ["2026-01-02", 3, 50],
    ]);
    expect(report.byCategory.map((row) => [row.category, row.impressions, row.purchases, row.revenue])).toEqual([
      ["earring", 2, 1, 50],
      ["ring", 3, 1, 200],
    ]);
    expect(report.byVersionDay).toHaveLength(3);
    expect(report.simulatedEvents).toBe(1);
    const simulated = await caller(await logIn("merch@shop.test")).dashboard.onlineMetrics({ traffic: "simulated" });
    expect(simulated.total.impressions).toBe(1);
  });

  it("reports catalog health from the stored catalog and events", async () => {
    const health = await caller(await logIn("merch@shop.test")).dashboard.catalogHealth();
    expect(health.products).toBe(3);
    expect(health.withoutPhoto.count).toBe(1);
    expect(health.withoutPhoto.sample[0]?.sku).toBe("P3");
    expect(health.withoutFeatures.count).toBe(3);
    expect(health.cold.sample.map((p) => p.sku)).toEqual(["P3"]);
    expect(health.neverRecommended.sample.map((p) => p.sku)).toEqual(["P3"]);
    expect(health.recommendationCoverage).toBeCloseTo(2 / 3);
  });

  it("starts an A/B test, reports arms with intervals, stops and promotes the winner; publish gates; rollback", async () => {
    const admin = caller(await logIn("admin@shop.test"));
    const versions = await admin.dashboard.versions();
    expect(versions.find((v) => v.id === ids.v1)?.validation["recall@20"]).toBe(0.3);
    expect(versions.find((v) => v.id === ids.v1)?.baselines).toEqual({ popularity: { "recall@20": 0.12 } });
    const test = await admin.dashboard.startAbTest({
      name: "ease vs ease",
      versionAId: ids.v1,
      versionBId: ids.v2,
      shareB: 0.5,
    });
    await expect(
      admin.dashboard.startAbTest({ name: "again", versionAId: ids.v1, versionBId: ids.v2, shareB: 0.5 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // Events inside the test's window, from shoppers of both arms.
    const p1 = await database.db.product.findFirstOrThrow({ where: { sku: "P1" } });
    const shoppers = Array.from({ length: 40 }, (_, i) => `ab-${i}`);
    let key = 0;
    for (const externalId of shoppers) {
      const user = await database.db.user.create({ data: { externalId } });
      const arm = assignAbArm(test, externalId, TEST_SECRETS.abTestSalt);
      const types = arm === "B" ? ["impression", "impression", "click"] : ["impression", "impression"];
      // Served by the arm's version (as a verified attribution stores it), then claims the server never vouched for:
      // no version, or the other arm's.
      const served = arm === "B" ? ids.v2 : ids.v1;
      const claimed = [
        { type: "click", modelVersionId: null },
        { type: "purchase", modelVersionId: null },
        { type: "click", modelVersionId: arm === "B" ? ids.v1 : ids.v2 },
      ];
      for (const event of [...types.map((type) => ({ type, modelVersionId: served })), ...claimed]) {
        await database.db.interaction.create({
          data: {
            userId: user.id,
            productId: p1.id,
            ...event,
            occurredAt: new Date(Date.now() + 1000),
            source: "web",
            idempotencyKey: `ab-${key++}`,
          },
        });
      }
    }
    const report = await admin.dashboard.abTestReport({ id: test.id });
    const [a, b] = report.arms;
    expect((a?.shoppers ?? 0) + (b?.shoppers ?? 0)).toBe(40);
    expect(a?.clicks).toBe(0);
    expect((a?.purchases ?? 0) + (b?.purchases ?? 0)).toBe(0);
    expect(b?.ctr).toBeCloseTo(0.5);
    expect(b?.ctrInterval.low).toBeGreaterThan(0.2);
    expect(report.ctrTest?.pValue).toBeLessThan(0.01);
    // B's validation recall (0.2) is more than 0.02 below the active A's (0.3): promoting it needs force.
    await expect(admin.dashboard.stopAbTest({ id: test.id, promote: "B" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining(`version ${ids.v2} not published: gates failed`),
    });
    expect((await database.db.abTest.findUniqueOrThrow({ where: { id: test.id } })).status).toBe("running");
    const stopped = await admin.dashboard.stopAbTest({ id: test.id, promote: "B", force: true });
    expect(stopped).toMatchObject({ status: "stopped", winnerVersionId: ids.v2 });
    expect((await database.db.modelVersion.findFirstOrThrow({ where: { status: "active" } })).id).toBe(ids.v2);

    await expect(admin.dashboard.rollback({})).resolves.toMatchObject({
      published: true,
      activated: ids.v1,
      retired: ids.v2,
      forced: false,
    });
    await expect(admin.dashboard.publish({ id: ids.v2 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(admin.dashboard.publish({ id: ids.v2, force: true })).resolves.toMatchObject({ activated: ids.v2 });
    await expect(admin.dashboard.publish({ id: 9999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.db.modelVersion.count({ where: { status: "active" } })).toBe(1);

    // Every change above is in the audit log with the admin's e-mail and role; merchandisers can read it.
    const merch = caller(await logIn("merch@shop.test"));
    const audit = await merch.dashboard.auditLog({ limit: 10 });
    expect(audit.map((e) => [e.action, e.fromVersionId, e.toVersionId, e.forced])).toEqual([
      ["publish", ids.v1, ids.v2, true],
      ["rollback", ids.v2, ids.v1, false],
      ["ab-test-promote", ids.v1, ids.v2, true],
      ["ab-test-start", null, null, false],
    ]);
    expect(audit.every((e) => e.actor === "admin@shop.test" && e.actorRole === "admin")).toBe(true);
    expect(audit[3]?.details).toMatchObject({ testId: test.id, name: "ease vs ease", shareB: 0.5 });
    expect(audit[2]?.details).toMatchObject({ testId: test.id, promotedArm: "B" });
    await expect(caller().dashboard.auditLog({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(merch.dashboard.auditLog({ limit: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
