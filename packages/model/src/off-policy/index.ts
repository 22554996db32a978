/** Off-policy evaluation (`@jewelguide/model/off-policy`): estimators over logged decisions, pure arithmetic. */
export * from "./effective-sample-size";
export * from "./estimate-doubly-robust";
export * from "./estimate-inverse-propensity";
export * from "./estimate-self-normalised";
export * from "./evaluate-off-policy";
export * from "./interval-estimate";
export * from "./logged-decision";
