/** A mistake in how the worker was called (unknown command or flag, missing file): exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
