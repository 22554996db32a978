import { serverLogger } from "../logging/server-logger";

/** How the per-process model serving behaves; built once and passed down (defaults suit a web process). */
export type ServingOptions = {
  /** At most this often (ms) the process asks the database which version is active and whether the catalog changed. */
  checkIntervalMs: number;
  /** The product cache (and its purchase counts) is rebuilt at least this often (ms), even if nothing seems changed. */
  catalogMaxAgeMs: number;
  /**
   * When only purchases changed, their counts and co-purchases are re-read at most this often (ms): in a shop that
   * sells all day a re-read every check interval would stall each process for its duration every few seconds.
   * Product changes (stock, price) are picked up at the next check regardless.
   */
  purchaseRefreshMs: number;
  /** Called when a background check fails; the process keeps serving what it has. */
  onError: (error: unknown) => void;
};

export const DEFAULT_SERVING_OPTIONS: ServingOptions = {
  checkIntervalMs: 5_000,
  catalogMaxAgeMs: 5 * 60_000,
  purchaseRefreshMs: 60_000,
  onError: (error) => serverLogger.error({ err: error }, "model serving check failed; serving what it has"),
};
