import { type Db, listModelVersions, parseModelMetrics, type SplitMetrics } from "@jewelguide/db";

const KS = [5, 10, 20];
const NAMES = ["recall", "ndcg", "precision"] as const;

export type VersionMetricsRow = {
  id: number;
  kind: string;
  status: string;
  createdAt: Date;
  activatedAt: Date | null;
  artifactSize: number;
  dataSnapshot: { interactions: number | null; hash: string | null };
  /** "recall@20" → value, for the validation and test splits of the offline protocol (missing metrics left out). */
  validation: Record<string, number>;
  test: Record<string, number>;
  /** Baselines / ablations stored with the version's metrics (name → split metrics), when training recorded them. */
  baselines: Record<string, Record<string, number>>;
};

/**
 * Every model version with its stored offline metrics (Recall/NDCG/Precision at 5, 10, 20 on validation and test).
 * Baselines are the versions of the baseline kinds trained on the same data, plus any `metrics.baselines` recorded.
 * A version whose stored metrics are malformed (parseModelMetrics) is listed with none.
 */
export async function listVersionMetrics(db: Db): Promise<VersionMetricsRow[]> {
  const versions = await listModelVersions(db);
  return versions.map((version) => {
    const parsed = parseModelMetrics(version.metrics);
    const metrics = parsed.ok ? parsed.metrics : {};
    const snapshot = asRecord(version.dataSnapshot);
    const baselines: Record<string, Record<string, number>> = {};
    for (const [name, value] of Object.entries(metrics.baselines ?? {})) {
      baselines[name] = pickMetrics(isSplitMetrics(value) ? value : (value.test ?? {}));
    }
    return {
      id: version.id,
      kind: version.kind,
      status: version.status,
      createdAt: version.createdAt,
      activatedAt: version.activatedAt,
      artifactSize: version.artifactSize,
      dataSnapshot: {
        interactions: typeof snapshot.interactions === "number" ? snapshot.interactions : null,
        hash: typeof snapshot.hash === "string" ? snapshot.hash : null,
      },
      validation: pickMetrics(metrics.validation ?? {}),
      test: pickMetrics(metrics.test ?? {}),
      baselines,
    };
  });
}

function pickMetrics(source: SplitMetrics): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of NAMES) {
    for (const k of KS) {
      const value = source[`${name}@${k}`];
      if (typeof value === "number" && Number.isFinite(value)) out[`${name}@${k}`] = value;
    }
  }
  return out;
}

/** A baseline stored as one split's metrics (older rows) rather than { validation, test }. */
function isSplitMetrics(value: SplitMetrics | { test?: SplitMetrics }): value is SplitMetrics {
  return !("test" in value) && !("validation" in value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
