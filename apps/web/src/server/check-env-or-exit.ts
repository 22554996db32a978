import { serverLogger } from "@jewelguide/api/logging";
import { getEnv } from "../env";

/** Start-up check: a bad environment stops the server with the message, instead of failing every request. */
export function checkEnvOrExit(): void {
  try {
    getEnv();
  } catch (error) {
    serverLogger.fatal((error as Error).message);
    process.exit(1);
  }
}
