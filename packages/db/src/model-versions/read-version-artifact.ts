import { toCount } from "../queries/parse-driver-values";
import type { SqlReader } from "../sql-reader";

/** Bytes per piece: one piece at a time is all the read holds besides the artifact itself. */
const ARTIFACT_PIECE_BYTES = 8 * 1024 * 1024;

const SIZE_SQL = `SELECT length("artifact") AS "size" FROM "ModelVersion" WHERE "id" = $1`;
const PIECE_SQL = `SELECT substr("artifact", $2, $3) AS "part" FROM "ModelVersion" WHERE "id" = $1`;

/**
 * A version's model artifact, read on the driver (the SQL reader) in pieces of `pieceBytes` into one array; null when
 * the version does not exist or has no artifact. Reading the whole column through Prisma peaked a process at
 * 2.2–2.5 GB for a 74 MB artifact (100,000 items; BENCHMARKS.md §7) — on every model load of every web process — where
 * 8 MB pieces on the driver peak at 0.39 GB.
 */
export async function readVersionArtifact(
  sql: SqlReader,
  versionId: number,
  pieceBytes = ARTIFACT_PIECE_BYTES,
): Promise<Uint8Array | null> {
  if (!Number.isInteger(pieceBytes) || pieceBytes < 1) {
    throw new Error(`readVersionArtifact: pieceBytes must be a positive whole number, got ${pieceBytes}`);
  }
  const sized = await sql.all<{ size: number | string | null }>(SIZE_SQL, [versionId]);
  const size = sized[0]?.size;
  if (size === undefined || size === null) return null;
  const bytes = new Uint8Array(toCount(size));
  for (let at = 0; at < bytes.length; at += pieceBytes) {
    const rows = await sql.all<{ part: Uint8Array | null }>(PIECE_SQL, [versionId, at + 1, pieceBytes]);
    const part = rows[0]?.part;
    // The row was replaced or deleted between two pieces: refuse a spliced artifact.
    if (!part || part.byteLength !== Math.min(pieceBytes, bytes.length - at)) {
      throw new Error(`model version ${versionId}'s artifact changed while it was being read; load it again`);
    }
    bytes.set(part, at);
  }
  return bytes;
}
