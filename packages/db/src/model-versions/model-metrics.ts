import { z } from "zod";

/**
 * A metric's stored value. Any number is accepted, NaN and ±Infinity included, and null (what JSON makes of NaN):
 * the publish gates refuse such a value naming its path, so parsing must not hide it.
 */
const MetricValueSchema = z.custom<number>((value) => typeof value === "number", "expected a number").nullable();

/** One split's offline metrics: "recall@20" → value. */
export const SplitMetricsSchema = z.record(z.string(), MetricValueSchema);
export type SplitMetrics = z.infer<typeof SplitMetricsSchema>;

/** A baseline scored on the same protocol: its split metrics, or (older rows) one split's metrics directly. */
const BaselineMetricsSchema = z.union([
  SplitMetricsSchema,
  z.looseObject({ validation: SplitMetricsSchema.optional(), test: SplitMetricsSchema.optional() }),
]);

/**
 * `ModelVersion.metrics` as training and `worker evaluate` store it: the offline protocol's validation and test
 * metrics, baselines scored on the same split, the fit time, and a later re-evaluation. Every part is optional (a
 * version trained with --no-eval has only `fitSeconds`); unknown keys are kept.
 */
export const ModelMetricsSchema = z.looseObject({
  protocol: z.unknown().optional(),
  validation: SplitMetricsSchema.optional(),
  test: SplitMetricsSchema.optional(),
  baselines: z.record(z.string(), BaselineMetricsSchema).optional(),
  fitSeconds: MetricValueSchema.optional(),
  reevaluation: z
    .looseObject({ validation: SplitMetricsSchema.optional(), test: SplitMetricsSchema.optional() })
    .optional(),
});
export type ModelMetrics = z.infer<typeof ModelMetricsSchema>;

/** The stored metrics read through ModelMetricsSchema, or what is wrong with them. */
export type ParsedModelMetrics = { ok: true; metrics: ModelMetrics } | { ok: false; problem: string };

/** The one reader of a version's stored metrics (the publish gates, the dashboard, the worker's versions table). */
export function parseModelMetrics(stored: unknown): ParsedModelMetrics {
  const parsed = ModelMetricsSchema.safeParse(stored);
  if (parsed.success) return { ok: true, metrics: parsed.data };
  const problem = parsed.error.issues
    .map((issue) => `${["metrics", ...issue.path.map(String)].join(".")}: ${issue.message}`)
    .join("; ");
  return { ok: false, problem };
}

/**
 * One finite metric of a split ("validation", "recall@20"), or undefined when it is missing, not finite or the
 * metrics are malformed.
 */
export function readSplitMetric(
  parsed: ParsedModelMetrics,
  split: "validation" | "test",
  name: string,
): number | undefined {
  const value = parsed.ok ? parsed.metrics[split]?.[name] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
