import path from "node:path";
import { getEnv } from "@/env";
import { answerMediaRequest } from "@/server/media/answer-media-request";
import { isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "@/server/security-headers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type MediaRouteContext = { params: Promise<{ path: string[] }> };

/**
 * Streams a product photo from `$JEWELGUIDE_DATA_DIR/media` (JPEG, PNG or WebP only; see answerMediaRequest), with
 * HSTS when it came over HTTPS (the other security headers come from next.config.ts).
 */
export async function GET(request: Request, context: MediaRouteContext): Promise<Response> {
  const { path: segments } = await context.params;
  const env = getEnv();
  const response = await answerMediaRequest(request, path.join(env.JEWELGUIDE_DATA_DIR, "media"), segments);
  if (isHttpsRequest((name) => request.headers.get(name), env.JEWELGUIDE_TRUST_PROXY === "1")) {
    response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  }
  return response;
}
