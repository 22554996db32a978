import { openJobQueue, SCHEDULE_CHECK_QUEUE } from "@jewelguide/api/jobs";
import type { RetrainSchedule } from "./schedule-check";

/** The schedule's key among pg-boss's schedules of the check queue: there is one retrain schedule per shop. */
const RETRAIN_SCHEDULE_KEY = "retrain";

/**
 * Stores (or replaces, or with null removes) the shop's retrain schedule as a pg-boss cron schedule: every minute,
 * pg-boss's cron pass in one of the running `worker serve`s sends one check (one per minute however many workers run),
 * and the check decides whether a retrain is due (runScheduleCheck).
 */
export async function registerRetrainSchedule(databaseUrl: string, schedule: RetrainSchedule | null): Promise<void> {
  const boss = await openJobQueue(databaseUrl, { kind: "client" }, () => undefined);
  try {
    if (schedule === null) await boss.unschedule(SCHEDULE_CHECK_QUEUE, RETRAIN_SCHEDULE_KEY);
    else await boss.schedule(SCHEDULE_CHECK_QUEUE, "* * * * *", schedule, { key: RETRAIN_SCHEDULE_KEY, tz: "UTC" });
  } finally {
    await boss.stop({ graceful: false });
  }
}
