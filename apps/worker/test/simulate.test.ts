import http from "node:http";
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { createApiClient, findApiError } from "../src/simulate/create-api-client";
import { loadHeldOutShoppers } from "../src/simulate/load-held-out-shoppers";
import { simulateShopper } from "../src/simulate/simulate-shopper";
import { loadTrainingData } from "../src/training/load-training-data";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

type Call = { path: string; input: Record<string, unknown> };

/**
 * The real client against a fake fetch that answers like the web app's batched tRPC endpoint (superjson envelopes):
 * the feed shows feedIds, events.log stores them; every call is recorded with its procedure and input.
 */
function fakeApi(feedIds: number[]) {
  const calls: Call[] = [];
  const fetchImpl = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const parsed = new URL(String(url));
    const paths = parsed.pathname.replace(/^\/api\/trpc\//, "").split(",");
    const body = init?.method === "POST" ? String(init.body) : (parsed.searchParams.get("input") ?? "{}");
    const inputs = JSON.parse(body) as Record<string, { json: Record<string, unknown> }>;
    const results = paths.map((path, index) => {
      calls.push({ path, input: inputs[String(index)]?.json ?? {} });
      const data =
        path === "recommendations.feed"
          ? {
              requestId: "r1",
              modelVersionId: 3,
              items: feedIds.map((id, slot) => ({ id, attribution: `a1.r1.3.feed.${slot}.${id}.x.sig` })),
            }
          : { stored: 1 };
      return { result: { data: superjson.serialize(data) } };
    });
    return new Response(JSON.stringify(results), { headers: { "content-type": "application/json" } });
  };
  return { api: createApiClient("http://shop.test", { fetchImpl }), calls };
}

/** A loopback HTTP server answering every request with `answer`; returns its base URL and a close function. */
async function startServer(answer: http.RequestListener): Promise<{ url: string; close(): void }> {
  const server = http.createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

describe("simulate", () => {
  it("holds out each shopper's last distinct purchase; the rest is history", async () => {
    const products = await Promise.all(
      [1, 2, 3].map((n) =>
        ws.db.product.create({ data: { sku: `S${n}`, titleZh: "x", titleEn: "x", category: "ring", price: n } }),
      ),
    );
    const [a, b, c] = products.map((p) => p.id);
    const user = await ws.db.user.create({ data: { externalId: "real-1" } });
    const single = await ws.db.user.create({ data: { externalId: "real-2" } });
    let key = 0;
    const buy = (userId: number, productId: number | undefined, minute: number, source = "rees46") =>
      ws.db.interaction.create({
        data: {
          userId,
          productId: productId ?? 0,
          type: "purchase",
          occurredAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
          source,
          idempotencyKey: `k${key++}`,
        },
      });
    await buy(user.id, a, 1);
    await buy(user.id, b, 2);
    await buy(user.id, a, 3);
    await buy(user.id, c, 4, "web");
    await buy(single.id, a, 1);
    const shoppers = await loadHeldOutShoppers(ws.db, { count: 10, historyLength: 5, seed: "s" });
    expect(shoppers).toEqual([{ externalId: "real-1", history: [b], heldOut: a }]);
    await ws.db.interaction.create({
      data: {
        userId: single.id,
        productId: b ?? 0,
        type: "purchase",
        occurredAt: new Date(Date.UTC(2026, 0, 2)),
        source: "simulation",
        idempotencyKey: "simulated-1",
        context: { simulated: true, demoCheckout: true },
      },
    });
    const training = await loadTrainingData(ws.db);
    expect(training.interactions).toHaveLength(5);
  });

  it("sends views, impressions and, on a hit, click + cart + purchase quoting the served attribution", async () => {
    const hit = fakeApi([7, 9, 11]);
    const outcome = await simulateShopper(hit.api, { externalId: "x", history: [5, 6], heldOut: 9 }, { k: 3 });
    expect(outcome).toEqual({ impressions: 3, hit: true, modelVersionId: 3 });
    expect(hit.calls.map((call) => call.path)).toEqual([
      "events.log",
      "recommendations.feed",
      "events.log",
      "events.log",
    ]);
    // No shopper, simulated flag or attribution fields of its own: the server decides those.
    for (const call of hit.calls)
      expect(Object.keys(call.input).sort()).toEqual(call.path === "events.log" ? ["events"] : ["k"]);
    const last = hit.calls[3]?.input.events as { type: string; attribution?: string }[];
    expect(last.map((e) => e.type)).toEqual(["click", "cart", "purchase"]);
    for (const event of last) expect(event.attribution).toBe("a1.r1.3.feed.1.9.x.sig");
    const miss = fakeApi([7]);
    expect((await simulateShopper(miss.api, { externalId: "x", history: [], heldOut: 9 }, { k: 1 })).hit).toBe(false);
    expect(miss.calls.map((call) => call.path)).toEqual(["recommendations.feed", "events.log"]);
  });

  it("keeps the shopper cookie the server issues and sends the worker token on every call, one jar per client", async () => {
    const seen: Array<{ url: string; cookie: string | undefined; token: string | undefined }> = [];
    let issued = 0;
    const server = await startServer((request, response) => {
      seen.push({
        url: request.url ?? "",
        cookie: request.headers.cookie,
        token: request.headers["x-jewelguide-worker-token"] as string | undefined,
      });
      if (!request.headers.cookie) {
        issued += 1;
        response.setHeader("set-cookie", [`jg_shopper=v1.s${issued}.mac; Path=/; HttpOnly; SameSite=Lax`]);
      }
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify([{ result: { data: { json: { ok: true } } } }]));
    });
    try {
      const first = createApiClient(server.url, { workerToken: "tok" });
      const second = createApiClient(server.url, { workerToken: "tok" });
      await first.events.log.mutate({ events: [] });
      await first.recommendations.feed.query({ k: 1 });
      await second.events.log.mutate({ events: [] });
      await first.events.log.mutate({ events: [] });
      expect(seen.map((s) => s.cookie)).toEqual([undefined, "jg_shopper=v1.s1.mac", undefined, "jg_shopper=v1.s1.mac"]);
      expect(seen.every((s) => s.token === "tok")).toBe(true);
      expect(seen.map((s) => s.url.split("?")[0])).toEqual([
        "/api/trpc/events.log",
        "/api/trpc/recommendations.feed",
        "/api/trpc/events.log",
        "/api/trpc/events.log",
      ]);
    } finally {
      server.close();
    }
  });

  it("batches at most 10 calls per request", async () => {
    const batches: number[] = [];
    const server = await startServer((request, response) => {
      const calls = (request.url ?? "").split("?")[0]?.split(",").length ?? 0;
      batches.push(calls);
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(Array.from({ length: calls }, () => ({ result: { data: { json: { ok: true } } } }))));
    });
    try {
      const api = createApiClient(server.url);
      await Promise.all(Array.from({ length: 12 }, () => api.recommendations.feed.query({ k: 1 })));
      expect(batches.sort((a, b) => b - a)).toEqual([10, 2]);
    } finally {
      server.close();
    }
  });

  it("names the procedure, the status and the server's message when a call fails", async () => {
    const server = await startServer((request, response) => {
      if ((request.url ?? "").includes("events.log")) {
        response.statusCode = 413;
        response.end("too large");
        return;
      }
      response.statusCode = 429;
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify([
          {
            error: {
              json: {
                message: "slow down",
                code: -32029,
                data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, path: "recommendations.feed" },
              },
            },
          },
        ]),
      );
    });
    try {
      const api = createApiClient(server.url);
      const failure = await api.recommendations.feed.query({ k: 1 }).catch((error: unknown) => error);
      expect(findApiError(failure)?.message).toBe("recommendations.feed failed (429): slow down");
      const refused = await api.events.log.mutate({ events: [] }).catch((error: unknown) => error);
      expect(findApiError(refused)?.message).toBe("events.log failed (413): no tRPC result");
    } finally {
      server.close();
    }
  });

  it("names an unreachable web app and a missing flag", async () => {
    const api = createApiClient("http://127.0.0.1:9");
    const failure = await api.recommendations.feed.query({}).catch((error: unknown) => error);
    expect(findApiError(failure)?.message).toMatch(
      /^cannot reach http:\/\/127\.0\.0\.1:9 \(.*\): is the web app running\?$/,
    );
    expect(await ws.cli("simulate")).toMatchObject({ code: 2, stderr: "error: --shoppers N is required\n" });
  });
});
