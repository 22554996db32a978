import type { Db, DbHandle, Dialect, SqlReader } from "@jewelguide/db";
import { type AbTestServing, createAbTestServing } from "../ab-testing/create-ab-test-serving";
import {
  createFeedExploration,
  type FeedExploration,
  type FeedExplorationOptions,
} from "../exploration/feed-exploration";
import { createModelServing, type ModelServing } from "../model-serving/create-model-serving";
import type { ServingOptions } from "../model-serving/serving-options";
import { createRateLimiter, type RateLimiter } from "../security/rate-limit/create-rate-limiter";
import type { ServerSecrets } from "../security/server-secrets";

/**
 * Everything a server process keeps between requests, created once at start-up and carried to every procedure by the
 * tRPC context: the database (Prisma `db`, its `dialect`, the prepared-statement `sql` reader), the shop's keys, the
 * loaded model and product cache (`serving`), the A/B tests' arms (`abTests`), the feed's exploration policy and its
 * evidence (`exploration`) and the rate limits. Services take the
 * parts they use as arguments. A process holds ONE: the web app keeps it on globalThis because Next loads this code
 * twice (app router and Pages API), and two runtimes would load the model twice.
 */
export type ServerRuntime = {
  readonly db: Db;
  readonly dialect: Dialect;
  readonly sql: SqlReader;
  readonly secrets: ServerSecrets;
  readonly serving: ModelServing;
  readonly abTests: AbTestServing;
  readonly exploration: FeedExploration;
  readonly rateLimiter: RateLimiter;
};

export type ServerRuntimeOptions = {
  /** The opened database (createDb), whose SQL reader the serving reads through. */
  database: DbHandle;
  secrets: ServerSecrets;
  /** Check intervals and cache ages of the model serving (defaults: DEFAULT_SERVING_OPTIONS). */
  serving?: Partial<ServingOptions>;
  /** The feed's exploration policy (docs/exploration.md); absent or `config: null`: off, every feed greedy. */
  exploration?: FeedExplorationOptions;
  /** The shop's rate limits (default policies unless given). */
  rateLimiter?: RateLimiter;
};

export function createServerRuntime(options: ServerRuntimeOptions): ServerRuntime {
  const { db, target, sql } = options.database;
  const serving = createModelServing({ db, sql }, options.serving);
  return {
    db,
    dialect: target.dialect,
    sql,
    secrets: options.secrets,
    serving,
    abTests: createAbTestServing({ db, sql, serving }, options.serving?.checkIntervalMs),
    exploration: createFeedExploration(sql, options.exploration),
    rateLimiter: options.rateLimiter ?? createRateLimiter(),
  };
}
