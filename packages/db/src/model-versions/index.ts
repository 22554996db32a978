export {
  checkPublishGates,
  DEFAULT_MAX_RECALL_DROP,
  type PublishGateInput,
  type PublishGateResult,
} from "./check-publish-gates";
export { findRollbackTarget } from "./find-rollback-target";
export { getActiveModelVersion } from "./get-active-model-version";
export { listModelVersions } from "./list-model-versions";
export { PublishError, publishModelVersion } from "./publish-model-version";
export { type PublishWithGatesResult, publishWithGates } from "./publish-with-gates";
export { type CandidateVersionInput, saveCandidateVersion } from "./save-candidate-version";
