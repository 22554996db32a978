export { activateVersion } from "./activate-version";
export {
  checkPublishGates,
  DEFAULT_MAX_RECALL_DROP,
  type PublishGateInput,
  type PublishGateResult,
} from "./check-publish-gates";
export { findRollbackTarget } from "./find-rollback-target";
export { getActiveModelVersion } from "./get-active-model-version";
export { listModelVersions } from "./list-model-versions";
export {
  type ModelMetrics,
  ModelMetricsSchema,
  type ParsedModelMetrics,
  parseModelMetrics,
  readSplitMetric,
  type SplitMetrics,
} from "./model-metrics";
export {
  mergeOffPolicyEstimates,
  OFF_POLICY_REWARDS,
  OFF_POLICY_TARGETS,
  type OffPolicyEstimate,
  OffPolicyEstimateSchema,
  type OffPolicyMetrics,
  type OffPolicyReward,
  type OffPolicyTarget,
  readOffPolicyMetrics,
} from "./off-policy-metrics";
export { publishModelVersion } from "./publish-model-version";
export {
  type AuditedPublishOptions,
  activateWithGates,
  type GateOptions,
  type PublishWithGatesResult,
  publishAndRecord,
  publishWithGates,
} from "./publish-with-gates";
export { readVersionArtifact } from "./read-version-artifact";
export { rollbackModelVersion } from "./rollback-model-version";
export { type CandidateVersionInput, saveCandidateVersion } from "./save-candidate-version";
