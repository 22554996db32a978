export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Liveness: this web process runs and answers HTTP. It touches neither the database nor the model, so a slow
 * database never makes a load balancer or supervisor kill healthy processes; `/readyz` says whether it can serve.
 */
export function GET(): Response {
  return Response.json(
    { status: "alive", pid: process.pid, uptimeSeconds: Math.round(process.uptime()) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
