import type { Db } from "@jewelguide/db";
import { TRPCError } from "@trpc/server";
import type { StartAbTestInput } from "./ab-test-schemas";

/** Starts an A/B test between two versions that have artifacts; only one test runs at a time. */
export async function startAbTest(db: Db, input: StartAbTestInput) {
  const versions = await db.modelVersion.findMany({
    where: { id: { in: [input.versionAId, input.versionBId] } },
    select: { id: true, status: true, artifactSize: true },
  });
  for (const id of [input.versionAId, input.versionBId]) {
    const version = versions.find((v) => v.id === id);
    if (!version) throw new TRPCError({ code: "NOT_FOUND", message: `model version ${id} does not exist` });
    if (version.status === "failed" || version.artifactSize === 0) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `model version ${id} has no usable artifact` });
    }
  }
  const running = await db.abTest.findFirst({ where: { status: "running" }, select: { id: true, name: true } });
  if (running) {
    throw new TRPCError({ code: "CONFLICT", message: `A/B test ${running.id} (${running.name}) is still running` });
  }
  return db.abTest.create({ data: { ...input, status: "running" } });
}
