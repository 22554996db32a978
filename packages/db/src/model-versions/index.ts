export { getActiveModelVersion } from "./get-active-model-version";
export { PublishError, publishModelVersion } from "./publish-model-version";
export { type CandidateVersionInput, saveCandidateVersion } from "./save-candidate-version";
