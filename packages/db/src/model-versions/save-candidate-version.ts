import type { Prisma } from "../../generated/sqlite/client";
import type { Db } from "../client";

export type CandidateVersionInput = {
  kind: string;
  params: Prisma.InputJsonValue;
  metrics: Prisma.InputJsonValue;
  dataSnapshot: Prisma.InputJsonValue;
  artifact: Uint8Array;
  notes?: string;
  /** The queue job that trained it: unique, so a retried job cannot store a second version. */
  jobId?: string;
};

/**
 * Stores a trained model as a `candidate` in one insert: the row appears whole (artifact included) or not at all,
 * and a candidate never serves until it is published. A version with the same `jobId` already stored makes the insert
 * fail with a unique violation (the database checks it in the insert itself).
 */
export async function saveCandidateVersion(db: Db, input: CandidateVersionInput): Promise<{ id: number }> {
  const row = await db.modelVersion.create({
    data: {
      kind: input.kind,
      status: "candidate",
      params: input.params,
      metrics: input.metrics,
      dataSnapshot: input.dataSnapshot,
      artifact: new Uint8Array(input.artifact),
      artifactSize: input.artifact.byteLength,
      notes: input.notes ?? "",
      jobId: input.jobId ?? null,
    },
    select: { id: true },
  });
  return row;
}
