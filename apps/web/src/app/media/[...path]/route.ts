import path from "node:path";
import { getEnv } from "../../../env";
import { answerMediaRequest } from "../../../server/media/answer-media-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type MediaRouteContext = { params: Promise<{ path: string[] }> };

/** Streams a product photo from `$JEWELGUIDE_DATA_DIR/media` (JPEG, PNG or WebP only; see answerMediaRequest). */
export async function GET(request: Request, context: MediaRouteContext): Promise<Response> {
  const { path: segments } = await context.params;
  return answerMediaRequest(request, path.join(getEnv().JEWELGUIDE_DATA_DIR, "media"), segments);
}
