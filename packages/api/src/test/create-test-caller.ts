import { type CreateContextOptions, createContextInner } from "../context";
import { createCaller } from "../root";
import type { ServerRuntime } from "../runtime/create-server-runtime";

/** A caller in `runtime`; `options` sets the shopper, client facts or cookies of the simulated request. */
export function createTestCaller(runtime: ServerRuntime, options: Partial<Omit<CreateContextOptions, "runtime">> = {}) {
  return createCaller(createContextInner({ runtime, ...options }));
}
