import { createStaffUser } from "@jewelguide/db";
import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createRateLimiter, type RateLimiter } from "../../security/rate-limit/create-rate-limiter";
import { loginBackoffMs } from "../../security/rate-limit/login-failure-limit";
import { createTestCaller } from "../../test/create-test-caller";
import { createTestRuntime } from "../../test/create-test-runtime";
import { testDialects } from "../../test/test-dialects";
import { createMemoryCookieJar } from "./cookie-jar";

const PASSWORD = "the right password";

describe("loginBackoffMs", () => {
  const policy = createRateLimiter().loginFailures;
  vitestIt("lets 5 failures pass, then doubles from 1 s and stops at 15 minutes", () => {
    expect([0, 4, 5, 6, 7, 14, 15, 40].map((failures) => loginBackoffMs(failures, policy))).toEqual([
      0, 0, 1000, 2000, 4000, 512_000, 900_000, 900_000,
    ]);
  });
});

describe.each(testDialects)("staff log-in back-off on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  let nowMs = Date.UTC(2026, 0, 1);
  // No request-rate limit in the way: these tests are about failed passwords.
  const limiter: RateLimiter = createRateLimiter({
    policies: { login: { windowMs: 60_000, perShopper: 10_000, perAddress: 10_000 } },
    now: () => nowMs,
  });

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    for (const email of ["a@shop.test", "b@shop.test", "c@shop.test", "d@shop.test", "e@shop.test"]) {
      await createStaffUser(database.db, { email, role: "merchandiser", password: PASSWORD });
    }
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** One log-in attempt from `address`: "ok", the error code, and the Retry-After header the attempt set. */
  async function logIn(email: string, password: string, address: string) {
    const headers = new Map<string, string>();
    const caller = createTestCaller(createTestRuntime(database), {
      client: { address },
      cookies: createMemoryCookieJar(),
      rateLimiter: limiter,
      responseHeaders: { append: () => undefined, set: (name, value) => headers.set(name, value) },
    });
    try {
      await caller.staffAuth.login({ email, password });
      return { outcome: "ok", retryAfter: headers.get("retry-after") };
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      return { outcome: error.code, retryAfter: headers.get("retry-after"), message: error.message };
    }
  }

  it("locks an account after 5 failures from any addresses, even against the right password, with back-off", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await logIn("a@shop.test", "wrong", `10.0.0.${i}`)).outcome).toBe("UNAUTHORIZED");
    }
    const locked = await logIn("a@shop.test", PASSWORD, "10.0.1.1");
    expect(locked).toMatchObject({ outcome: "TOO_MANY_REQUESTS", retryAfter: "1" });
    expect(locked.message).toMatch(/try again in 1 s/);
    nowMs += 1000;
    expect((await logIn("a@shop.test", "wrong", "10.0.1.2")).outcome).toBe("UNAUTHORIZED");
    // The 6th failure: the next attempt waits 2 s after it.
    expect(await logIn("a@shop.test", PASSWORD, "10.0.1.3")).toMatchObject({
      outcome: "TOO_MANY_REQUESTS",
      retryAfter: "2",
    });
    nowMs += 2000;
    expect((await logIn("a@shop.test", PASSWORD, "10.0.1.4")).outcome).toBe("ok");
  });

  it("resets the account's count on a success", async () => {
    for (let i = 0; i < 4; i++) await logIn("b@shop.test", "wrong", "10.0.2.1");
    expect((await logIn("b@shop.test", PASSWORD, "10.0.2.2")).outcome).toBe("ok");
    for (let i = 0; i < 4; i++) {
      expect((await logIn("b@shop.test", "wrong", `10.0.2.${10 + i}`)).outcome).toBe("UNAUTHORIZED");
    }
    expect((await logIn("b@shop.test", PASSWORD, "10.0.2.20")).outcome).toBe("ok");
  });

  it("locks an address that guesses across accounts, including unknown ones", async () => {
    const address = "10.0.3.1";
    for (const email of ["c@shop.test", "nobody@shop.test", "d@shop.test", "x@shop.test", "y@shop.test"]) {
      expect((await logIn(email, "wrong", address)).outcome).toBe("UNAUTHORIZED");
    }
    expect(await logIn("e@shop.test", PASSWORD, address)).toMatchObject({
      outcome: "TOO_MANY_REQUESTS",
      retryAfter: "1",
    });
    // The same account from another address is fine: the accounts themselves have one failure each.
    expect((await logIn("e@shop.test", PASSWORD, "10.0.3.2")).outcome).toBe("ok");
    expect((await logIn("c@shop.test", PASSWORD, "10.0.3.3")).outcome).toBe("ok");
  });

  it("admits exactly 5 of 12 parallel guesses on a fresh account (no check-then-count race)", async () => {
    await createStaffUser(database.db, { email: "parallel@shop.test", role: "admin", password: PASSWORD });
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => logIn("parallel@shop.test", "wrong", `10.0.4.${i}`)),
    );
    const counts = outcomes.reduce<Record<string, number>>((tally, { outcome }) => {
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      return tally;
    }, {});
    expect(counts).toEqual({ UNAUTHORIZED: 5, TOO_MANY_REQUESTS: 7 });
  });

  it("marks the session cookie Secure exactly when the request came over HTTPS", async () => {
    await createStaffUser(database.db, { email: "secure@shop.test", role: "admin", password: PASSWORD });
    for (const secure of [true, false]) {
      const written: Array<{ name: string; secure: boolean; httpOnly: boolean }> = [];
      const caller = createTestCaller(createTestRuntime(database), {
        client: { address: "10.0.6.1", secure },
        cookies: { get: () => undefined, set: (name, _value, options) => written.push({ name, ...options }) },
        rateLimiter: limiter,
      });
      await caller.staffAuth.login({ email: "secure@shop.test", password: PASSWORD });
      expect(written).toEqual([expect.objectContaining({ name: "jg_staff", secure, httpOnly: true })]);
    }
  });

  it("forgets failures after an hour without attempts", async () => {
    await createStaffUser(database.db, { email: "forget@shop.test", role: "admin", password: PASSWORD });
    for (let i = 0; i < 6; i++) await logIn("forget@shop.test", "wrong", `10.0.5.${i}`);
    expect((await logIn("forget@shop.test", PASSWORD, "10.0.5.9")).outcome).toBe("TOO_MANY_REQUESTS");
    nowMs += 60 * 60_000;
    expect((await logIn("forget@shop.test", PASSWORD, "10.0.5.9")).outcome).toBe("ok");
  });
});
