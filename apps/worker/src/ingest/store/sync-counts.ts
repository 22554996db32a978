/** What an upsert of keyed rows did: rows created, rows changed, rows already as given. */
export type SyncCounts = { created: number; updated: number; unchanged: number };

export function emptySyncCounts(): SyncCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}

/** Adds `more` into `total` and returns `more` as the import's per-batch outcome (rows imported / unchanged). */
export function addSyncCounts(total: SyncCounts, more: SyncCounts): { imported: number; unchanged: number } {
  total.created += more.created;
  total.updated += more.updated;
  total.unchanged += more.unchanged;
  return { imported: more.created + more.updated, unchanged: more.unchanged };
}

/** `3 new, 1 updated, 0 unchanged`, as import summaries print it. */
export function formatSyncCounts(counts: SyncCounts): string {
  return `${counts.created} new, ${counts.updated} updated, ${counts.unchanged} unchanged`;
}
