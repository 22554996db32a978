/**
 * Training data, stored features and the offline protocol as the benchmarks package reuses them
 * (`@jewelguide/worker/training`).
 */
export { describeDataSnapshot } from "./describe-data-snapshot";
export { evaluateOffline, OFFLINE_PROTOCOL } from "./evaluate-offline";
export { loadTrainingData, type TrainingData } from "./load-training-data";
export { describeStoredFeatures, loadStoredFeatures, storedFeaturesParam } from "./stored-features";
