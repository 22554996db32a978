import crypto from "node:crypto";
import type { TrainingData } from "./load-training-data";

export type DataSnapshot = {
  products: number;
  users: number;
  interactions: number;
  byType: Record<string, number>;
  firstEventAt: string | null;
  lastEventAt: string | null;
  /** sha256 over the catalog ids and every (user, item, type, time) in order: equal hashes, equal training data. */
  hash: string;
};

/** What a model version was trained on, recorded with the version so any number can be traced to its data. */
export function describeDataSnapshot(data: TrainingData): DataSnapshot {
  const hash = crypto.createHash("sha256");
  for (const item of data.catalog) hash.update(`${item.itemId}\n`);
  const byType: Record<string, number> = {};
  for (const event of data.interactions) {
    hash.update(`${event.userId}\t${event.itemId}\t${event.type}\t${event.timestamp}\n`);
    byType[event.type] = (byType[event.type] ?? 0) + 1;
  }
  const first = data.interactions[0];
  const last = data.interactions[data.interactions.length - 1];
  return {
    products: data.catalog.length,
    users: new Set(data.interactions.map((event) => event.userId)).size,
    interactions: data.interactions.length,
    byType,
    firstEventAt: first ? new Date(first.timestamp).toISOString() : null,
    lastEventAt: last ? new Date(last.timestamp).toISOString() : null,
    hash: hash.digest("hex"),
  };
}
