import path from "node:path";

/**
 * Maps the segments of `/media/<...path>` to a file inside `mediaRoot`, or null when the request tries to leave it:
 * `..`, absolute or empty segments, backslashes, NUL bytes and encoded separators are all refused.
 */
export function resolveMediaPath(mediaRoot: string, segments: readonly string[]): string | null {
  if (segments.length === 0) return null;
  for (const segment of segments) {
    if (segment === "" || segment === "." || segment === "..") return null;
    if (/[/\\\0]/.test(segment)) return null;
  }
  const root = path.resolve(mediaRoot);
  const resolved = path.resolve(root, ...segments);
  if (!resolved.startsWith(root + path.sep)) return null;
  return resolved;
}
