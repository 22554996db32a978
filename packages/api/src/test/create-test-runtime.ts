import type { DbHandle } from "@jewelguide/db";
import { createServerRuntime, type ServerRuntime, type ServerRuntimeOptions } from "../runtime/create-server-runtime";
import { TEST_SECRETS } from "./test-secrets";

/** A server runtime over a test database with the test keys: what one web process would hold. */
export function createTestRuntime(
  database: DbHandle,
  options: Partial<Omit<ServerRuntimeOptions, "database">> = {},
): ServerRuntime {
  return createServerRuntime({ database, secrets: TEST_SECRETS, ...options });
}
