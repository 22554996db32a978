import { AppError } from "@jewelguide/db/errors";

/** The error a dashboard user sees when a version fails the publish gates: which version, which gates, what to do. */
export function gatesFailedError(versionId: number, failures: readonly string[]): AppError {
  return new AppError(
    "PRECONDITION_FAILED",
    `version ${versionId} not published: gates failed: ${failures.join("; ")} (tick "force" to override)`,
  );
}
