import type { Db, OffPolicyEstimate, OffPolicyReward, OffPolicyTarget, SqlReader } from "@jewelguide/db";
import { DEFAULT_EXPLORATION_CONFIG, type ExplorationConfig } from "@jewelguide/model/exploration";
import { evaluateOffPolicy } from "@jewelguide/model/off-policy";
import { buildEvidenceSnapshot, type EvidenceSnapshot, evidenceStepOf } from "../../exploration/exploration-evidence";
import { loadProductCatalog } from "../../model-serving/load-product-catalog";
import { loadVersionModel } from "../../model-serving/load-version-model";
import { alignSnapshot } from "../../model-serving/serving-snapshot";
import { DEFAULT_FEED_RULES, type FeedRules } from "../recommendations/feed-rules";
import { buildLoggedDecisions } from "./build-logged-decisions";
import { createEvidenceClock } from "./evidence-clock";
import { type LoggedImpression, loadImpressionLog } from "./load-impression-log";
import { OffPolicyDataError } from "./off-policy-data-error";
import { type LoggedRequest, type ReplayedSlots, replayCandidateSlots } from "./replay-candidate-slots";
import { fitSmoothedItemRates, foldOf, REWARD_MODEL_DESCRIPTION } from "./smoothed-item-rates";

export type OffPolicyRunInput = {
  versionId: number;
  target: OffPolicyTarget;
  rewards: readonly OffPolicyReward[];
  /** Only decisions served at or after this moment. */
  since?: Date;
  /** The end of the log window (default: now). */
  until?: Date;
  /** The exploration layer's settings the candidate is replayed with (default: serving's defaults). */
  config?: ExplorationConfig;
  rules?: FeedRules;
  /** Called after each replayed request. */
  onProgress?: (done: number, total: number) => void;
};

/**
 * Off-policy estimates of a candidate version's click / cart / purchase rate per exploration slot from the impression
 * log, before it serves anyone: the logged decisions are the exploratory slots (logging propensity < 1); for each, the
 * candidate policy is replayed (replayCandidateSlots) to get its probability of the logged product there and its whole
 * distribution for the doubly robust term; rewards are the attributed events (a purchase counts as a cart and a
 * click); the reward model is a cross-fitted per-item rate. Throws an OffPolicyDataError, naming the window, when
 * there is nothing to evaluate on.
 */
export async function evaluateVersionOffPolicy(
  { db, sql }: { db: Db; sql: SqlReader },
  input: OffPolicyRunInput,
): Promise<OffPolicyEstimate[]> {
  const until = input.until ?? new Date();
  const log = await loadImpressionLog(db, until);
  const decisions = log.filter(
    (impression) =>
      impression.exploratory &&
      impression.propensity < 1 &&
      (input.since === undefined || impression.servedAt >= input.since),
  );
  const window = `${input.since ? `since ${input.since.toISOString()}` : "in the whole log"} up to ${until.toISOString()}`;
  if (decisions.length < 2) {
    throw new OffPolicyDataError(
      `Off-policy evaluation needs at least 2 logged exploration decisions ${window}, found ${decisions.length}: serve feeds with exploration on (JEWELGUIDE_EXPLORATION_SLOTS above 0) first.`,
    );
  }
  const model = await loadVersionModel(db, input.versionId);
  if (!model) throw new OffPolicyDataError(`Model version ${input.versionId} does not exist or has no artifact.`);
  const snapshot = alignSnapshot(model, await loadProductCatalog(sql));
  const replayed = await replayRequests(log, decisions, input, { sql, snapshot });
  const targetOf = (decision: LoggedImpression) => replayed.get(decision.requestId)?.get(decision.slot) ?? new Map();
  if (decisions.every((decision) => !targetOf(decision).get(decision.productId))) {
    const policy = input.target === "greedy" ? "alone (greedy)" : "behind the exploration layer";
    throw new OffPolicyDataError(
      `Version ${input.versionId} ${policy} gives probability 0 to every logged decision ${window} (supported share 0): the logs say nothing about it.`,
    );
  }
  const evaluatedAt = new Date().toISOString();
  const first = decisions[0]?.servedAt ?? until;
  const last = decisions[decisions.length - 1]?.servedAt ?? until;
  return input.rewards.map((reward) => {
    const predict = fitSmoothedItemRates(log, reward);
    const evaluation = evaluateOffPolicy(
      buildLoggedDecisions(
        decisions,
        targetOf,
        (decision, productId) => predict(foldOf(decision.requestId), productId),
        reward,
      ),
    );
    return {
      target: input.target,
      reward,
      evaluatedAt,
      ...(input.since ? { since: input.since.toISOString() } : {}),
      firstServedAt: first.toISOString(),
      lastServedAt: last.toISOString(),
      loggingPolicies: [...new Set(decisions.map((decision) => decision.policy))].sort(),
      rewardModel: REWARD_MODEL_DESCRIPTION,
      requests: replayed.size,
      ...evaluation,
    };
  });
}

/**
 * Replays every logged request with exploratory decisions once, with the evidence serving read for it: the logs as
 * they stood at the start of its evidence step (evidenceStepOf), rebuilt from the log.
 */
async function replayRequests(
  log: readonly LoggedImpression[],
  decisions: readonly LoggedImpression[],
  input: OffPolicyRunInput,
  context: Pick<Parameters<typeof replayCandidateSlots>[0], "sql" | "snapshot">,
): Promise<Map<string, ReplayedSlots>> {
  const slateSize = new Map<string, number>();
  for (const impression of log) slateSize.set(impression.requestId, (slateSize.get(impression.requestId) ?? 0) + 1);
  const requests = new Map<string, LoggedRequest>();
  for (const decision of decisions) {
    let request = requests.get(decision.requestId);
    if (!request) {
      request = {
        requestId: decision.requestId,
        shopperId: decision.shopperId,
        servedAt: decision.servedAt,
        slateSize: slateSize.get(decision.requestId) ?? decision.slot + 1,
        exploratory: [],
      };
      requests.set(decision.requestId, request);
    }
    (request.exploratory as Array<{ slot: number; productId: number }>).push({
      slot: decision.slot,
      productId: decision.productId,
    });
  }
  const evidenceAt = createEvidenceClock(log);
  // Requests come in servedAt order: one snapshot per evidence step, built when the step changes.
  let evidence: EvidenceSnapshot | undefined;
  let evidenceMinute = Number.NaN;
  const replayed = new Map<string, ReplayedSlots>();
  let done = 0;
  for (const request of requests.values()) {
    const minute = evidenceStepOf(request.servedAt);
    if (!evidence || minute !== evidenceMinute) {
      evidence = buildEvidenceSnapshot(evidenceAt(new Date(minute)), minute);
      evidenceMinute = minute;
    }
    const ordered = { ...request, exploratory: [...request.exploratory].sort((a, b) => a.slot - b.slot) };
    replayed.set(
      request.requestId,
      await replayCandidateSlots(
        {
          ...context,
          target: input.target,
          config: input.config ?? DEFAULT_EXPLORATION_CONFIG,
          rules: input.rules ?? DEFAULT_FEED_RULES,
          evidence,
        },
        ordered,
      ),
    );
    input.onProgress?.(++done, requests.size);
  }
  return replayed;
}
