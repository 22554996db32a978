import { randomUUID } from "node:crypto";
import path from "node:path";
import { getEnv } from "@/env";
import { logErrorReply } from "@/server/log-error-reply";
import { answerMediaRequest } from "@/server/media/answer-media-request";
import { isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "@/server/security-headers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type MediaRouteContext = { params: Promise<{ path: string[] }> };

/**
 * Streams a product photo from `$JEWELGUIDE_DATA_DIR/media` (JPEG, PNG or WebP only; see answerMediaRequest), with
 * HSTS when it came over HTTPS (the other security headers come from next.config.ts). An error reply names a request
 * id (`X-Request-Id`) that the server log repeats; a fault says only that something went wrong on our side.
 */
export async function GET(request: Request, context: MediaRouteContext): Promise<Response> {
  const requestId = randomUUID();
  const { path: segments } = await context.params;
  const env = getEnv();
  let response: Response;
  try {
    response = await answerMediaRequest(request, path.join(env.JEWELGUIDE_DATA_DIR, "media"), segments);
  } catch (error) {
    logErrorReply({ requestId, route: "media", status: 500, reason: "photo request failed", error });
    response = new Response(`Something went wrong on our side (request id ${requestId}).\n`, {
      status: 500,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
    });
  }
  if (response.status >= 400) {
    response.headers.set("x-request-id", requestId);
    if (response.status < 500) {
      logErrorReply({ requestId, route: "media", status: response.status, reason: "photo refused" });
    }
  }
  if (isHttpsRequest((name) => request.headers.get(name), env.JEWELGUIDE_TRUST_PROXY === "1")) {
    response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  }
  return response;
}
