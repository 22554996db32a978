import { WORKER_TOKEN_HEADER } from "@jewelguide/api";
import fc from "fast-check";
import { readCanonicalReplies } from "../../src/abuse/canonical-replies";
import { type FuzzRequest, fuzzRequest, type PublicProcedure } from "../../src/abuse/fuzz-request";
import { readFuzzSettings } from "../../src/abuse/fuzz-settings";
import { prepareSenders } from "../../src/abuse/prepare-senders";
import { listPublicProcedures } from "../../src/abuse/public-procedures";
import { findReplyProblems } from "../../src/abuse/reply-problems";
import type { Senders } from "../../src/abuse/sender-headers";
import { type AbuseServer, startAbuseServer } from "../../src/abuse/start-abuse-server";
import { sendRaw, trpcQuery } from "../../src/abuse/trpc-http";
import { findWebProcess, isProcessAlive, type ProcessMemory, readProcessMemory } from "../../src/abuse/web-process";
import { readAdminPassword } from "../../src/prepare-dashboard";
import { expect, test } from "../../src/test";

const FUZZ_PORT = 3111;
/**
 * Memory bounds of the web process over the whole fuzz run (docs/security.md): its resident set may grow by at most
 * 300 MB and stay under 1.5 GB, peak included (a serving process holds ~550 MB with the model loaded; BENCHMARKS.md §4).
 */
const MAX_RSS_GROWTH_MB = 300;
const MAX_RSS_MB = 1536;
/** A request larger than Node's 16 KB header limit or Next's 1 MB body limit may be cut off before it is answered. */
const OVERSIZED_REQUEST_BYTES = 16 * 1024;

const settings = readFuzzSettings();
const procedures = listPublicProcedures();

test.describe("abuse: property-based fuzzing of every public tRPC procedure over HTTP", () => {
  let server: AbuseServer;
  let senders: Senders;
  let canonicalBefore: Awaited<ReturnType<typeof readCanonicalReplies>>;
  let memoryBefore: ProcessMemory;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    console.log(
      `[abuse] fast-check seed ${settings.seed} (replay: JEWELGUIDE_FUZZ_SEED=${settings.seed}), ` +
        `${settings.runsPerProcedure} runs per procedure, budget ${settings.budgetMs / 1000} s, ` +
        `${procedures.length} procedures`,
    );
    server = await startAbuseServer("fuzz", FUZZ_PORT);
    senders = await prepareSenders(server, readAdminPassword());
    canonicalBefore = await readCanonicalReplies(server.url, senders.workerToken);
    memoryBefore = readProcessMemory(server.webPid);
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("reads the procedure list from the router: queries, mutations, shopper and staff procedures alike", () => {
    const paths = procedures.map((procedure) => procedure.path);
    for (const expected of ["catalog.listProducts", "recommendations.feed", "guide.ask", "events.log"]) {
      expect(paths).toContain(expected);
    }
    expect(paths).toContain("staffAuth.login");
    expect(paths.some((path) => path.startsWith("dashboard."))).toBe(true);
    expect(procedures.filter((procedure) => procedure.type === "mutation").length).toBeGreaterThan(2);
  });

  for (const [index, procedure] of procedures.entries()) {
    test(`${procedure.path}: random, oversized, malformed and prototype-polluting input never gets a 5xx or internals, and the server stays up`, async () => {
      test.setTimeout(120_000);
      const outcome = await fuzzProcedure(procedure, index);
      console.log(
        `[abuse] ${procedure.path}: ${outcome.runs} requests${outcome.interrupted ? " (time share used up)" : ""}; statuses ${formatTally(outcome.statuses)}`,
      );
      expect(outcome.failure).toBeUndefined();
      await expectServerUp();
    });
  }

  test("leaves the server's Object.prototype unpolluted: the canonical requests answer exactly as before the run", async () => {
    expect(await readCanonicalReplies(server.url, senders.workerToken)).toEqual(canonicalBefore);
  });

  test(`keeps the web process's memory bounded (growth ≤ ${MAX_RSS_GROWTH_MB} MB, peak < ${MAX_RSS_MB} MB)`, () => {
    const after = readProcessMemory(server.webPid);
    console.log(
      `[abuse] web process RSS ${memoryBefore.rssMb.toFixed(0)} → ${after.rssMb.toFixed(0)} MB ` +
        `(peak ${after.peakRssMb.toFixed(0)} MB)`,
    );
    expect(after.rssMb - memoryBefore.rssMb).toBeLessThanOrEqual(MAX_RSS_GROWTH_MB);
    expect(after.peakRssMb).toBeLessThan(MAX_RSS_MB);
  });

  type FuzzOutcome = { runs: number; interrupted: boolean; statuses: Map<string, number>; failure?: string };

  async function fuzzProcedure(procedure: PublicProcedure, index: number): Promise<FuzzOutcome> {
    const statuses = new Map<string, number>();
    const property = fc.asyncProperty(fuzzRequest(procedure, procedures, senders), async (request) => {
      const status = await sendAndCheck(request);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    const details = await fc.check(property, {
      seed: settings.seed + index,
      numRuns: settings.runsPerProcedure,
      endOnFailure: true,
      plugins: [fc.interruptAfterTimeLimit(Math.floor(settings.budgetMs / procedures.length))],
    });
    const failure = details.failed
      ? `seed ${details.seed}, path ${details.counterexamplePath}: ${describeRequest((details.counterexample as [FuzzRequest] | null)?.[0])}\n${String(details.errorInstance ?? "")}`
      : undefined;
    return { runs: details.numRuns, interrupted: details.interrupted, statuses, failure };
  }

  /** Sends one request and returns its status (as text) or throws what is wrong with the reply. */
  async function sendAndCheck(request: FuzzRequest): Promise<string> {
    try {
      const reply = await sendRaw(server.url, request);
      const problems = findReplyProblems(reply);
      if (problems.length > 0) throw new Error(`HTTP ${reply.status} from ${request.sender}: ${problems.join("; ")}`);
      return String(reply.status);
    } catch (error) {
      // A request past the server's size limits may be cut off while it is still being sent: fine, if the server
      // is still up and unchanged. Any other request must be answered.
      if (requestBytes(request) < OVERSIZED_REQUEST_BYTES || !(error instanceof TypeError)) throw error;
      await expectServerUp();
      return "closed (oversized)";
    }
  }

  /** The same web process answers a health request (the worker token skips the rate limits a fuzz run reaches). */
  async function expectServerUp(): Promise<void> {
    const health = await trpcQuery(server.url, "staffAuth.me", undefined, {
      [WORKER_TOKEN_HEADER]: senders.workerToken,
    });
    expect(health.status).toBe(200);
    expect(isProcessAlive(server.webPid)).toBe(true);
    expect(findWebProcess(FUZZ_PORT)).toBe(server.webPid);
  }
});

function requestBytes(request: FuzzRequest): number {
  return request.target.length + (request.body?.length ?? 0);
}

function describeRequest(request: FuzzRequest | undefined): string {
  if (!request) return "(no request)";
  const shorten = (text: string) => (text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text);
  return `${request.method} ${shorten(request.target)} from ${request.sender}${request.body ? ` body ${shorten(request.body)}` : ""}`;
}

function formatTally(statuses: Map<string, number>): string {
  return [...statuses.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
}
