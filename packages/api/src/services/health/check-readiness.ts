import { readActiveVersionId } from "@jewelguide/db";
import { serverLogger } from "../../logging/server-logger";
import type { ServerRuntime } from "../../runtime/create-server-runtime";

/** How long `/readyz` waits for the first model load before answering "not ready yet" (the load goes on). */
export const MODEL_LOAD_WAIT_MS = 2_000;

export type Readiness = {
  ready: boolean;
  /** The database answered the active-version query. (Failures say only what failed: the endpoint is public; the
   * error itself goes to the server log.) */
  database: { ok: true; activeVersionId: number | null } | { ok: false; problem: "unreachable" };
  /**
   * The model this process serves: a loaded version (or, while no version is active, the popularity fallback), or why
   * none is loaded yet.
   */
  model:
    | { ok: true; versionId: number | null; kind: string; source: string; items: number }
    | { ok: false; problem: "loading" | "failed" };
};

/**
 * Whether this web process can serve shoppers: its database is reachable and it holds a loaded model — the active
 * version, or the popularity fallback when the shop has no active version yet (then every host serves the same
 * fallback). A process that just started answers "not ready" until its first model load finishes, so a load balancer
 * sends it traffic only once the first feed will not wait for that load.
 */
export async function checkReadiness(
  { sql, serving }: Pick<ServerRuntime, "sql" | "serving">,
  modelLoadWaitMs = MODEL_LOAD_WAIT_MS,
): Promise<Readiness> {
  const [database, model] = await Promise.all([checkDatabase(sql), checkModel(serving, modelLoadWaitMs)]);
  return { ready: database.ok && model.ok, database, model };
}

async function checkDatabase(sql: ServerRuntime["sql"]): Promise<Readiness["database"]> {
  try {
    return { ok: true, activeVersionId: await readActiveVersionId(sql) };
  } catch (error) {
    serverLogger.error({ err: error }, "readiness: the database did not answer");
    return { ok: false, problem: "unreachable" };
  }
}

async function checkModel(serving: ServerRuntime["serving"], waitMs: number): Promise<Readiness["model"]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), waitMs);
  });
  try {
    const snapshot = await Promise.race([serving.current(), timeout]);
    if (snapshot === "timeout") return { ok: false, problem: "loading" };
    const { model } = snapshot;
    return {
      ok: true,
      versionId: model.versionId,
      kind: model.kind,
      source: model.source,
      items: model.recommender.items.size,
    };
  } catch (error) {
    serverLogger.error({ err: error }, "readiness: the model could not be loaded");
    return { ok: false, problem: "failed" };
  } finally {
    clearTimeout(timer);
  }
}
