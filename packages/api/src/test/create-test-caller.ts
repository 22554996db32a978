import type { Db, Dialect } from "@jewelguide/db";
import { type CreateContextOptions, createContextInner } from "../context";
import { createCaller } from "../root";
import { TEST_SECRETS } from "./test-secrets";

/** A caller with test keys; `options` sets the shopper, client facts or cookies of the simulated request. */
export function createTestCaller(db: Db, dialect: Dialect, options: Partial<Omit<CreateContextOptions, "db">> = {}) {
  return createCaller(createContextInner({ db, dialect, secrets: TEST_SECRETS, ...options }));
}
