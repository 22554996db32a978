import { type Db, PublishError, publishModelVersion } from "@jewelguide/db";
import { TRPCError } from "@trpc/server";
import type { StopAbTestInput } from "./ab-test-schemas";

/** Stops a running test; promoting an arm publishes its version (the one atomic publish) and records the winner. */
export async function stopAbTest(db: Db, input: StopAbTestInput) {
  const test = await db.abTest.findUnique({ where: { id: input.id } });
  if (!test) throw new TRPCError({ code: "NOT_FOUND", message: `A/B test ${input.id} does not exist` });
  if (test.status !== "running") throw new TRPCError({ code: "CONFLICT", message: `A/B test ${input.id} is stopped` });
  const winner = input.promote === null ? null : input.promote === "A" ? test.versionAId : test.versionBId;
  if (winner !== null) {
    try {
      await publishModelVersion(db, winner);
    } catch (error) {
      if (error instanceof PublishError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
      throw error;
    }
  }
  return db.abTest.update({
    where: { id: input.id },
    data: { status: "stopped", stoppedAt: new Date(), winnerVersionId: winner },
  });
}
