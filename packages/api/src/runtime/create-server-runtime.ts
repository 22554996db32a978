import type { Db, DbHandle, Dialect, SqlReader } from "@jewelguide/db";
import { type AbTestServing, createAbTestServing } from "../ab-testing/create-ab-test-serving";
import {
  createFeedExploration,
  type FeedExploration,
  type FeedExplorationOptions,
} from "../exploration/feed-exploration";
import { createJobQueueClient, type JobQueueClient } from "../jobs/job-queue-client";
import { serverLogger } from "../logging/server-logger";
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
  /** The worker job queue (pg-boss on PostgreSQL, started on first use; unavailable on SQLite). */
  readonly jobs: JobQueueClient;
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
    exploration: createFeedExploration(options.database, options.exploration),
    rateLimiter: options.rateLimiter ?? createRateLimiter(),
    jobs: createJobQueueClient(options.database.target, (error) =>
      serverLogger.error({ err: error }, "job queue error"),
    ),
  };
}
