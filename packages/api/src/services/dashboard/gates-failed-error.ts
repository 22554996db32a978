import { TRPCError } from "@trpc/server";

/** The error a dashboard user sees when a version fails the publish gates: which version, which gates, what to do. */
export function gatesFailedError(versionId: number, failures: readonly string[]): TRPCError {
  return new TRPCError({
    code: "PRECONDITION_FAILED",
    message: `version ${versionId} not published: gates failed: ${failures.join("; ")} (tick "force" to override)`,
  });
}
