import { repoRoot } from "../paths";
import type { HttpReply } from "./trpc-http";

/**
 * Signs that a reply carries the server's internals instead of a client-facing message: stack frames, database and
 * driver names, file paths, Node error codes and JavaScript runtime errors that mean a code path was not meant to run.
 */
const INTERNAL_MARKERS: [string, RegExp][] = [
  ["a stack frame", /\bat [\w$.<>[\]]+ \(|\n\s+at \S/],
  ['a "stack" field', /"stack"\s*:/],
  ["the ORM's name", /prisma/i],
  ["the database's name", /sqlite|postgres|SQLSTATE|P20\d\d/i],
  ["a source file", /node_modules|\.next\/server|\.(?:ts|tsx|mjs|cjs|js):\d+/],
  ["the repository path", new RegExp(repoRoot.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))],
  ["a Node error code", /\bE(?:NOENT|ACCES|CONNREFUSED|ADDRINUSE|MFILE|PERM)\b/],
  [
    "a JavaScript runtime error",
    /Maximum call stack|is not a function|Cannot read propert|is not defined|is not iterable|Invalid array length/,
  ],
];

/**
 * What is wrong with one reply to a hostile request, or an empty list: a 5xx (or no HTTP status at all) is a server
 * failure; any status may not expose internals. 4xx answers (400, 401, 403, 404, 405, 413, 414, 429, 431) are fine.
 */
export function findReplyProblems(reply: HttpReply): string[] {
  const problems: string[] = [];
  if (reply.status >= 500 || reply.status < 100) problems.push(`HTTP ${reply.status}`);
  for (const [what, pattern] of INTERNAL_MARKERS) {
    const match = reply.body.match(pattern);
    if (match) problems.push(`${what} in the body: …${excerpt(reply.body, match.index ?? 0)}…`);
  }
  return problems;
}

function excerpt(text: string, index: number): string {
  return text.slice(Math.max(0, index - 80), index + 120).replace(/\s+/g, " ");
}
