/**
 * Whether a Prisma error is a unique-constraint violation (P2002) — on either dialect, whichever generated client
 * threw it (so no `instanceof` on one client's error class). The database's own guarantees (one active version, one
 * running A/B test) surface this way when two writers race.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
