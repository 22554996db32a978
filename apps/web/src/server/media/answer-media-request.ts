import { Readable } from "node:stream";
import { openMediaFile } from "./open-media-file";

/**
 * The reply to `GET /media/<segments>`: the photo with its type decided by its bytes, `nosniff`, caching headers and
 * conditional requests; 400 for a path that tries to leave the media folder, 404 for anything that is not a JPEG,
 * PNG or WebP inside it. Never SVG, HTML or anything a browser could run.
 */
export async function answerMediaRequest(
  request: Request,
  mediaRoot: string,
  segments: readonly string[],
): Promise<Response> {
  const refusalHeaders = { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" };
  const file = await openMediaFile(mediaRoot, segments);
  if (!file.ok) {
    const body = file.status === 400 ? "Bad media path" : "Not found";
    return new Response(body, { status: file.status, headers: refusalHeaders });
  }
  const lastModified = new Date(Math.floor(file.mtimeMs / 1000) * 1000);
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800",
    "Last-Modified": lastModified.toUTCString(),
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
  if (isNotModified(request, etag, lastModified)) {
    await file.handle.close();
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Length", String(file.size));
  // Exactly the bytes stat counted (Content-Length), from the handle whose first bytes decided the type; closed at the end.
  const stream = Readable.toWeb(
    file.handle.createReadStream({ start: 0, end: file.size - 1 }),
  ) as ReadableStream<Uint8Array>;
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
