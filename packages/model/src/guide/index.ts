/** The request parser (`@jewelguide/model/guide`): plain text and tables, no TensorFlow.js or jieba. */

export * from "./conversation/apply-choices";
export * from "./conversation/apply-turn";
export * from "./conversation/guide-state";
export * from "./conversation/run-conversation";
export * from "./evaluate-parser";
export * from "./parse-price";
export * from "./parse-request";
export * from "./parsed-request";
