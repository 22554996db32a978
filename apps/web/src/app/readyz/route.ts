import { checkReadiness } from "@jewelguide/api";
import { getServerRuntime } from "@/server/server-runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when this process can serve shoppers (database reachable, a model loaded — checkReadiness), 503 with
 * what is missing otherwise. A fresh process answers 503 until its first model load is done; while it shuts down,
 * scripts/serve.mjs answers 503 itself so the load balancer stops sending before the process goes.
 */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness(getServerRuntime());
  return Response.json(
    { status: readiness.ready ? "ready" : "not-ready", ...readiness },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
