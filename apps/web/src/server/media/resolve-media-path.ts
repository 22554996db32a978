import path from "node:path";

/**
 * Maps the segments of `/media/<...path>` to a path inside `mediaRoot`, or null when the request tries to leave it or
 * names a hidden file: `..`, `.`, empty or absolute segments, backslashes, NUL bytes, encoded separators (a decoded
 * segment holding `/`) and segments starting with `.` (the importers' temporary and backup files) are all refused.
 * This is the lexical check; openMediaFile also resolves symlinks.
 */
export function resolveMediaPath(mediaRoot: string, segments: readonly string[]): string | null {
  if (segments.length === 0) return null;
  for (const segment of segments) {
    if (segment === "" || segment.startsWith(".")) return null;
    if (/[/\\\0]/.test(segment)) return null;
  }
  const root = path.resolve(mediaRoot);
  const resolved = path.resolve(root, ...segments);
  if (!resolved.startsWith(root + path.sep)) return null;
  return resolved;
}
