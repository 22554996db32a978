import { enqueueJob } from "@jewelguide/api/jobs";
import type { Db } from "@jewelguide/db";
import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { countTrainableEvents } from "../training/count-trainable-events";

/** A retrain schedule as `worker schedule` stores it with pg-boss (the cron job's data). */
export const RetrainScheduleSchema = z
  .strictObject({
    everyMinutes: z.number().positive().nullable(),
    afterEvents: z.number().int().positive().nullable(),
    /** The recommender kind to train (the worker's default when absent). */
    model: z.string().min(1).optional(),
  })
  .refine((schedule) => schedule.everyMinutes !== null || schedule.afterEvents !== null, {
    message: "needs everyMinutes or afterEvents",
  });
export type RetrainSchedule = z.output<typeof RetrainScheduleSchema>;

/**
 * Checks come once a minute, each a few seconds after its minute starts (whenever a worker's cron pass and poll get to
 * it); a retrain due within this much of a check runs at that check rather than a whole minute later.
 */
const CHECK_SLACK_MS = 10_000;

/** Who the jobs panel names for a scheduled retrain. */
export const SCHEDULE_REQUESTER = { name: "schedule", role: "schedule" } as const;

/**
 * One check of the retrain schedule, run by whichever worker takes it (one at a time: the check queue is a singleton
 * queue, and pg-boss's cron sends one check per occurrence across all workers). A retrain is due when none ran yet
 * (and there are events), `everyMinutes` have passed since the previous scheduled one was queued, or `afterEvents`
 * trainable events were stored since; never while the previous one is still queued or running. When due it queues a
 * train --publish job. Resolves to what it decided, for the log.
 */
export async function runScheduleCheck(db: Db, boss: PgBoss, data: unknown, now = new Date()): Promise<string> {
  const schedule = RetrainScheduleSchema.parse(data);
  const previous = await db.workerJob.findFirst({
    where: { requestedRole: SCHEDULE_REQUESTER.role },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, createdAt: true },
  });
  if (previous && (previous.status === "queued" || previous.status === "running")) {
    return `not due: the previous scheduled retrain (job ${previous.id}) is ${previous.status}`;
  }
  const byTime =
    schedule.everyMinutes !== null &&
    (previous === null ||
      now.getTime() - previous.createdAt.getTime() >= schedule.everyMinutes * 60_000 - CHECK_SLACK_MS);
  const newEvents = await countTrainableEvents(db, previous?.createdAt);
  const byEvents =
    schedule.afterEvents !== null && (previous === null ? newEvents > 0 : newEvents >= schedule.afterEvents);
  if (!byTime && !byEvents) return `not due (${newEvents} new events)`;
  const { id } = await enqueueJob(
    db,
    boss,
    { kind: "train", publish: true, ...(schedule.model === undefined ? {} : { model: schedule.model }) },
    SCHEDULE_REQUESTER,
  );
  return `queued retrain job ${id} (${byTime ? "time" : `${newEvents} new events`})`;
}
