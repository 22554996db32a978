/** Runs once when the server starts: fail fast on a bad environment instead of on the first request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnvOrExit } = await import("./server/check-env-or-exit");
  checkEnvOrExit();
}
