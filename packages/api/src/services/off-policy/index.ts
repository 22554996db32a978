/** Off-policy evaluation of a model version from the impression log (`@jewelguide/api/off-policy`, the worker's). */
export { evaluateVersionOffPolicy, type OffPolicyRunInput } from "./evaluate-version-off-policy";
export { OffPolicyDataError } from "./off-policy-data-error";
