/**
 * The logs cannot answer the question asked (no logged exploration decisions in the window, no such version, or a
 * candidate the logs do not support at all): a problem with the input, not a fault, so callers show just the message.
 */
export class OffPolicyDataError extends Error {
  override name = "OffPolicyDataError";
}
