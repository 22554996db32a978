import { evaluateVersionOffPolicy, OffPolicyDataError } from "@jewelguide/api/off-policy";
import {
  createDb,
  mergeOffPolicyEstimates,
  OFF_POLICY_REWARDS,
  type OffPolicyEstimate,
  type OffPolicyReward,
  type Prisma,
  readOffPolicyMetrics,
} from "@jewelguide/db";
import type { Output } from "../cli/command";
import { createProgressReporter } from "../cli/progress-reporter";
import type { WorkerEnv } from "../cli/read-worker-env";
import { UsageError } from "../cli/usage-error";
import { formatTextTable } from "./format-text-table";

export type OffPolicyFlags = { reward?: string; since?: string; greedy: boolean; quiet: boolean };

/**
 * `evaluate --off-policy`: estimates the version's click / cart / purchase rate per exploration slot from the logged
 * exploration traffic (evaluateVersionOffPolicy), prints the estimates beside the logging policy's observed rate and
 * stores them in the version's metrics.offPolicy (the latest per target policy and reward), which the dashboard shows.
 */
export async function runOffPolicyEvaluation(
  id: number,
  flags: OffPolicyFlags,
  io: { env: WorkerEnv; stdout: Output; stderr: Output },
): Promise<number> {
  const rewards = parseRewards(flags.reward);
  const since = parseSince(flags.since);
  const target = flags.greedy ? "greedy" : "exploring";
  const { db, sql } = createDb(io.env.databaseUrl);
  try {
    const version = await db.modelVersion.findUnique({ where: { id }, select: { kind: true, metrics: true } });
    if (!version) throw new UsageError(`model version ${id} does not exist`);
    const stored = readOffPolicyMetrics(version.metrics);
    const reporter = createProgressReporter({ out: io.stderr, enabled: !flags.quiet, tag: "evaluate" });
    let task: ReturnType<typeof reporter.start> | undefined;
    const estimates = await evaluateVersionOffPolicy(
      { db, sql },
      {
        versionId: id,
        target,
        rewards,
        since,
        onProgress: (done, total) => {
          task ??= reporter.start(`replaying version ${id} on the logged requests`, total, { unit: "requests" });
          task.tick(done);
        },
      },
    ).catch((error: unknown) => {
      // What the logs cannot answer is an input problem: its message, exit 2, no stack.
      throw error instanceof OffPolicyDataError ? new UsageError(error.message) : error;
    });
    task?.done();
    const merged = mergeOffPolicyEstimates(stored.ok ? stored.estimates : [], estimates);
    const previous = isRecord(version.metrics) ? version.metrics : {};
    await db.modelVersion.update({
      where: { id },
      data: { metrics: { ...previous, offPolicy: merged } as Prisma.InputJsonValue },
    });
    io.stdout.write(describeRun(id, version.kind, estimates));
    return 0;
  } finally {
    await db.$disconnect();
  }
}

function parseRewards(value: string | undefined): OffPolicyReward[] {
  if (value === undefined) return [...OFF_POLICY_REWARDS];
  const reward = OFF_POLICY_REWARDS.find((name) => name === value);
  if (!reward)
    throw new UsageError(`--reward must be one of ${OFF_POLICY_REWARDS.join(", ")}, not ${JSON.stringify(value)}`);
  return [reward];
}

function parseSince(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(
      `--since must be an ISO date or date-time (2026-12-06 or 2026-12-06T10:00:00Z), not ${JSON.stringify(value)}`,
    );
  }
  return date;
}

/** The heading line and a table of the estimates, rates in percent with their 95 % intervals. */
function describeRun(id: number, kind: string, estimates: readonly OffPolicyEstimate[]): string {
  const first = estimates[0];
  if (!first) return "";
  const policy = first.target === "greedy" ? "alone (greedy)" : "behind the exploration layer";
  const heading =
    `version ${id} (${kind}) ${policy}: ${first.decisions} logged exploration decisions in ${first.requests} requests, ` +
    `served ${first.firstServedAt} – ${first.lastServedAt} by ${first.loggingPolicies.join(", ")}; ` +
    `effective sample size ${first.effectiveSampleSize.toFixed(1)}, supported share ${percent(first.supportedShare)}\n`;
  const rows = estimates.map((estimate) => [
    estimate.reward,
    percent(estimate.loggedReward),
    percent(estimate.inversePropensity),
    percent(estimate.selfNormalised),
    percent(estimate.doublyRobust),
  ]);
  return heading + formatTextTable(["reward", "logged (observed)", "IPS", "SNIPS", "DR"], rows);
}

function percent(interval: { estimate: number; lower: number; upper: number }): string {
  const p = (value: number) => `${(value * 100).toFixed(2)}%`;
  return `${p(interval.estimate)} [${p(interval.lower)}, ${p(interval.upper)}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
