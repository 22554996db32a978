import { WORKER_TOKEN_HEADER } from "@jewelguide/api";
import fc from "fast-check";

/** What the fuzz suite knows to send as a legitimate client of each kind. */
export type Senders = {
  /** `http://localhost:<port>`: the Origin a same-site form or fetch sends. */
  selfOrigin: string;
  /** The simulator's token (x-jewelguide-worker-token): exempt from the rate limits, so inputs keep reaching services. */
  workerToken: string;
  /** `jg_staff=…` of a logged-in admin: dashboard inputs get past the role check into the services. */
  adminCookie: string;
  /** `jg_shopper=…` as the server issued it to a browser. */
  shopperCookie: string;
};

export type Sender = { name: string; headers: Record<string, string> };

/** Cookie values a browser could send: ids of imported customers, random ids, signed-looking and oversized values. */
const forgedCookieValue = fc.oneof(
  fc.bigInt({ min: 10n ** 17n, max: 10n ** 19n }).map(String),
  fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{8,40}\.[A-Za-z0-9_-]{10,60}$/),
  fc.string({ unit: "binary", maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom("", "x".repeat(7_000), "%", "%E0%A4%A", "__proto__", "null", "undefined"),
);

const forgedCookie = fc
  .array(
    fc.tuple(fc.constantFrom("jg_shopper", "jg_staff", "__proto__", "constructor", "jg_shopper "), forgedCookieValue),
    { minLength: 1, maxLength: 3 },
  )
  .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join("; "));

/** Header values a client can put on the wire (visible ASCII; fetch refuses CR, LF and NUL itself). */
const headerText = fc.string({ unit: "binary-ascii", maxLength: 80 }).map((text) => text.replace(/[^\x20-\x7e]/g, ""));

/** Headers that claim something: addresses, HTTPS, another host or origin, a wrong worker token, the stream protocol. */
const oddHeaders = fc.record(
  {
    origin: fc.oneof(fc.constantFrom("https://evil.example", "null", "http://localhost:1"), headerText),
    "x-forwarded-for": fc.oneof(
      fc.array(fc.ipV4(), { minLength: 1, maxLength: 3 }).map((list) => list.join(", ")),
      headerText,
    ),
    "x-forwarded-proto": fc.constantFrom("https", "http", "ftp", "https, http"),
    "x-forwarded-host": fc.constantFrom("evil.example", "localhost:1", ""),
    [WORKER_TOKEN_HEADER]: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), headerText),
    "trpc-accept": fc.constantFrom("application/jsonl", "text/event-stream", "*/*"),
    "x-trpc-source": headerText,
    "content-type": fc.constantFrom(
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=utf-16",
      "application/octet-stream",
    ),
    referer: headerText,
    "accept-language": headerText,
  },
  { requiredKeys: [] },
);

/**
 * Who sends a fuzzed request: nobody in particular, a browser with forged cookies and odd headers, a browser with the
 * shopper cookie it was issued, a logged-in admin (same-site Origin), or the worker. JSON content type on POST unless an
 * odd header replaces it.
 */
export function senderHeaders(senders: Senders, method: "GET" | "POST"): fc.Arbitrary<Sender> {
  const json: Record<string, string> = method === "POST" ? { "content-type": "application/json" } : {};
  return fc.oneof(
    fc.constant({ name: "anonymous", headers: json }),
    fc.tuple(fc.option(forgedCookie), oddHeaders).map(([cookie, headers]) => ({
      name: "forged",
      headers: { ...json, ...(cookie ? { cookie } : {}), ...headers },
    })),
    fc.constant({ name: "shopper", headers: { ...json, cookie: senders.shopperCookie, origin: senders.selfOrigin } }),
    fc.constant({ name: "admin", headers: { ...json, cookie: senders.adminCookie, origin: senders.selfOrigin } }),
    fc.constant({ name: "worker", headers: { ...json, [WORKER_TOKEN_HEADER]: senders.workerToken } }),
  );
}
