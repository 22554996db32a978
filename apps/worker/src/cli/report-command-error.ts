import type { Output } from "./command";
import { UsageError } from "./usage-error";

/**
 * Writes a command's failure the way the CLI shows it and returns its exit code: 2 with the message for a UsageError,
 * 1 with the stack for anything else. `run` and `schedule` use it for each step, so a failed step reads as it would alone.
 */
export function reportCommandError(error: unknown, stderr: Output): number {
  if (error instanceof UsageError) {
    stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
