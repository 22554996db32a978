import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { getEnv } from "../../../env";
import { contentTypeOf } from "../../../server/media/content-type";
import { resolveMediaPath } from "../../../server/media/resolve-media-path";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type MediaRouteContext = { params: Promise<{ path: string[] }> };

/** Streams a product photo from `$JEWELGUIDE_DATA_DIR/media`, with caching headers and conditional requests. */
export async function GET(request: Request, context: MediaRouteContext): Promise<Response> {
  const { path: segments } = await context.params;
  const mediaRoot = path.join(getEnv().JEWELGUIDE_DATA_DIR, "media");
  const file = resolveMediaPath(mediaRoot, segments);
  if (!file) return new Response("Bad media path", { status: 400 });
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) return new Response("Not found", { status: 404 });

  const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000);
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = new Headers({
    "Content-Type": contentTypeOf(file),
    "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800",
    "Last-Modified": lastModified.toUTCString(),
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
  });
  if (isNotModified(request, etag, lastModified)) return new Response(null, { status: 304, headers });

  headers.set("Content-Length", String(stat.size));
  const stream = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: 200, headers });
}

function isNotModified(request: Request, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch) return ifNoneMatch.split(",").some((tag) => tag.trim() === etag);
  const ifModifiedSince = request.headers.get("if-modified-since");
  if (!ifModifiedSince) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && lastModified.getTime() <= since;
}
