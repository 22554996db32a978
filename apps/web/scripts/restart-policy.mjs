// When serve.mjs restarts a crashed web process, and when it gives up: pure functions, unit-tested in
// restart-policy.test.ts; serve.mjs only applies them.

/**
 * - firstDelayMs / maxDelayMs: a crashed process is replaced after 0.5 s, then 1 s, 2 s … at most 30 s while its slot
 *   keeps crashing quickly;
 * - stableAfterMs: a process that served for a minute before it crashed starts its slot's back-off afresh;
 * - startupFailuresBeforeGivingUp: only while no process of this server has ever listened (a missing build, a bad
 *   environment: a fresh start cannot succeed) does serve.mjs stop, after this many failed starts in a row.
 */
export const RESTART_POLICY = Object.freeze({
  firstDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  startupFailuresBeforeGivingUp: 3,
});

/**
 * The back-off of one worker slot after its process exited having run `uptimeMs`: `quickCrashes` counts the crashes
 * in a row that came before `stableAfterMs` of uptime; the delay doubles with each.
 * @param {{ quickCrashes: number }} slot
 * @param {{ uptimeMs: number }} exit
 * @returns {{ quickCrashes: number, delayMs: number }}
 */
export function planRestart(slot, exit, policy = RESTART_POLICY) {
  const quickCrashes = exit.uptimeMs >= policy.stableAfterMs ? 1 : slot.quickCrashes + 1;
  const delayMs = Math.min(policy.firstDelayMs * 2 ** (quickCrashes - 1), policy.maxDelayMs);
  return { quickCrashes, delayMs };
}

/**
 * Whether to stop the whole server: never once any of its processes has listened (crashes after that are restarted
 * forever, with back-off, and logged); before that, after `startupFailuresBeforeGivingUp` failed starts.
 * @param {{ everListened: boolean, startupFailures: number }} server
 */
export function shouldGiveUp(server, policy = RESTART_POLICY) {
  return !server.everListened && server.startupFailures >= policy.startupFailuresBeforeGivingUp;
}
