import { parseModelMetrics } from "./model-metrics";

export type PublishGateInput = {
  /** The candidate's stored metrics ({ validation: {...}, test: {...}, ... }). */
  candidateMetrics: unknown;
  /** The active version's stored metrics, or null when nothing is active. */
  activeMetrics: unknown;
  /** How much lower the candidate's validation recall@20 may be than the active one's (absolute). */
  maxDrop: number;
};
export type PublishGateResult = {
  passed: boolean;
  failures: string[];
  candidateRecall?: number;
  activeRecall?: number;
};

export const DEFAULT_MAX_RECALL_DROP = 0.02;
const GATE_METRIC = "recall@20";

/**
 * The gates a candidate must pass to be published (unless forced): every stored metric is a finite number (no NaN or
 * Infinity anywhere), the candidate has a validation recall@20, and it is not worse than the active version's by more
 * than `maxDrop`. Metrics that do not parse (ModelMetricsSchema) fail the gates, naming what is wrong; an active
 * version's malformed metrics leave nothing to compare against. Pure: the caller loads the metrics.
 */
export function checkPublishGates(input: PublishGateInput): PublishGateResult {
  const failures: string[] = [];
  for (const path of findNonFinite(input.candidateMetrics, "metrics")) failures.push(`${path} is not a finite number`);
  const candidate = parseModelMetrics(input.candidateMetrics);
  const candidateRecall = readGateMetric(input.candidateMetrics);
  const activeRecall = readGateMetric(input.activeMetrics);
  if (!candidate.ok) {
    failures.push(`the candidate's stored metrics are malformed: ${candidate.problem}`);
  } else if (candidateRecall === undefined) {
    failures.push(`the candidate has no validation ${GATE_METRIC} (trained with --no-eval?)`);
  } else if (Number.isFinite(candidateRecall) && activeRecall !== undefined && Number.isFinite(activeRecall)) {
    if (candidateRecall < activeRecall - input.maxDrop) {
      failures.push(
        `validation ${GATE_METRIC} ${candidateRecall.toFixed(4)} is more than ${input.maxDrop} below the active ` +
          `version's ${activeRecall.toFixed(4)}`,
      );
    }
  }
  return { passed: failures.length === 0, failures, candidateRecall, activeRecall };
}

/** The validation recall@20 as stored (NaN and Infinity too: the finiteness gate names them), if there is one. */
function readGateMetric(stored: unknown): number | undefined {
  const parsed = parseModelMetrics(stored);
  return parsed.ok ? (parsed.metrics.validation?.[GATE_METRIC] ?? undefined) : undefined;
}

function findNonFinite(value: unknown, path: string): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  // JSON stores NaN as null in some drivers; a null where a metric belongs is a failed metric too.
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => findNonFinite(item, `${path}[${i}]`));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => findNonFinite(item, `${path}.${key}`));
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
