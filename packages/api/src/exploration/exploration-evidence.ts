import { type ExplorationEvidenceRow, listExplorationEvidence, type SqlReader } from "@jewelguide/db";
import type { CachedProduct } from "../model-serving/product-catalog";
import type { ServingSnapshot } from "../model-serving/serving-snapshot";
import { buildExplorationIndex, type ExplorationIndex, type ItemEvidence } from "./exploration-index";

const NO_EVIDENCE: ItemEvidence = { impressions: 0, rewards: 0 };

/**
 * The evidence is read as of whole steps of time: a request served at t uses the logs as they stood at the start of
 * t's step (impressions served and first rewards before it), so the evidence of any logged request can be rebuilt
 * from the logs alone (off-policy replays do).
 */
export const EVIDENCE_STEP_MS = 60_000;

/** The start of the evidence step a moment falls in. */
export function evidenceStepOf(time: Date): number {
  return Math.floor(time.getTime() / EVIDENCE_STEP_MS) * EVIDENCE_STEP_MS;
}

/** The evidence as of one step's start (`readAt`); immutable, replaced whole in the next step. */
export type EvidenceSnapshot = {
  readAt: number;
  of(productId: number): ItemEvidence;
  /**
   * The lists the exploration pool draws from (buildExplorationIndex: least-shown in-stock products overall and per
   * taste key, those of each taste key the served model cannot rate, and the products to follow up), computed once
   * per serving snapshot (a model version aligned with a catalog). A product the version learned nothing about from
   * behaviour is one it cannot rate: not in its item universe (added since it was trained), or in it without a single
   * training interaction (`Recommender.learnedFromBehaviour`; a content model still ranks it, from its content only).
   */
  index(snapshot: Pick<ServingSnapshot, "catalog" | "modelIndexAt" | "model">): ExplorationIndex<CachedProduct>;
};

/** The process's evidence of the exploration policy, read from the impression log once per step. */
export type ExplorationEvidence = {
  /**
   * The evidence as of the start of `servedAt`'s step: the first request of a step reads it (one statement; the
   * step's other requests wait for that read), the rest of the step reuses it.
   */
  at(servedAt: Date): Promise<EvidenceSnapshot>;
};

export function createExplorationEvidence(sql: SqlReader): ExplorationEvidence {
  let latest: { step: number; snapshot: Promise<EvidenceSnapshot> } | undefined;
  return {
    at(servedAt) {
      const step = evidenceStepOf(servedAt);
      if (latest?.step !== step) {
        const snapshot = listExplorationEvidence(sql, new Date(step)).then((rows) => buildEvidenceSnapshot(rows, step));
        const entry = { step, snapshot };
        latest = entry;
        // A failed read is not kept: the next request of the step reads again.
        snapshot.catch(() => {
          if (latest === entry) latest = undefined;
        });
      }
      return latest.snapshot;
    },
  };
}

/** The snapshot of evidence rows read at `readAt` (off-policy replays build one per moment of the log). */
export function buildEvidenceSnapshot(rows: readonly ExplorationEvidenceRow[], readAt: number): EvidenceSnapshot {
  const byId = new Map<number, ItemEvidence>();
  for (const row of rows) byId.set(row.productId, { impressions: row.impressions, rewards: row.rewards });
  const of = (productId: number) => byId.get(productId) ?? NO_EVIDENCE;
  const indexes = new WeakMap<object, ExplorationIndex<CachedProduct>>();
  return {
    readAt,
    of,
    index(snapshot) {
      let index = indexes.get(snapshot);
      if (!index) {
        const unrated = new Set<number>();
        const recommender = snapshot.model.recommender;
        snapshot.catalog.products.forEach((product, position) => {
          const modelIndex = snapshot.modelIndexAt[position] ?? -1;
          if (modelIndex === -1 || !recommender.learnedFromBehaviour(modelIndex)) unrated.add(product.id);
        });
        index = buildExplorationIndex(snapshot.catalog.products, of, (id) => unrated.has(id));
        indexes.set(snapshot, index);
      }
      return index;
    },
  };
}
