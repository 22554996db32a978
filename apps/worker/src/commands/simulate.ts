import crypto from "node:crypto";
import { createDb } from "@jewelguide/db";
import { defineCommand } from "../cli/command";
import { createProgressReporter } from "../cli/progress-reporter";
import { UsageError } from "../cli/usage-error";
import { createApiClient, findApiError } from "../simulate/create-api-client";
import { loadHeldOutShoppers } from "../simulate/load-held-out-shoppers";
import { loadShopSecrets } from "../simulate/load-shop-secrets";
import { simulateShopper } from "../simulate/simulate-shopper";
import { parsePositiveInteger } from "./parse-numeric-flags";

export const simulateCommand = defineCommand({
  name: "simulate",
  summary: "Replay held-out REES46 behaviour against the live web API as synthetic shoppers (simulated traffic).",
  help: `For N real shoppers of the imported data with two or more purchases, the last purchase is held out. A synthetic
shopper views the earlier purchases, asks the running web app for its feed, logs impressions of what was shown and —
if the held-out item is in the feed — a click, add-to-cart and purchase of it. Each synthetic shopper is a new
anonymous visitor: the server issues its id (a signed cookie, kept per shopper). Requests carry the worker token
(x-jewelguide-worker-token, derived from JEWELGUIDE_SECRET or the data folder's server-secret, as the web app does),
so the server stores every event with source "simulation" and context.simulated = true: the dashboard says so, and
training and \`schedule --after-events\` skip them. Needs the web app running (--url) with the same secret.`,
  flags: {
    shoppers: { type: "string", valueName: "N", description: "how many synthetic shoppers (required)" },
    url: { type: "string", valueName: "URL", description: "the web app (default http://localhost:3000)" },
    k: { type: "string", valueName: "K", description: "feed length requested (default 12)" },
    history: { type: "string", valueName: "H", description: "earlier purchases replayed as views (default 5)" },
    seed: { type: "string", valueName: "S", description: "sample seed (default: random)" },
  },
  async run({ flags, env, stdout, stderr }) {
    if (flags.shoppers === undefined) throw new UsageError("--shoppers N is required");
    const count = parsePositiveInteger("--shoppers", flags.shoppers);
    const k = flags.k === undefined ? 12 : parsePositiveInteger("--k", flags.k);
    if (k > 48) throw new UsageError("--k must be at most 48");
    const historyLength = flags.history === undefined ? 5 : parsePositiveInteger("--history", flags.history);
    const url = flags.url ?? "http://localhost:3000";
    if (!/^https?:\/\/[^\s]+$/.test(url))
      throw new UsageError(`--url must be an http(s) URL, not ${JSON.stringify(url)}`);
    const run = crypto.randomBytes(4).toString("hex");
    const seed = flags.seed ?? run;
    const { db } = createDb(env.databaseUrl);
    try {
      const shoppers = await loadHeldOutShoppers(db, { count, historyLength, seed });
      if (shoppers.length === 0)
        throw new UsageError("no imported shopper has two purchases: run the demo import first");
      const { workerToken } = loadShopSecrets(env);
      const progress = createProgressReporter({ out: stderr, enabled: true, tag: "simulate" }).start(
        "",
        shoppers.length,
        {
          unit: "shoppers",
        },
      );
      let hits = 0;
      let impressions = 0;
      const versions = new Set<string>();
      for (const [index, shopper] of shoppers.entries()) {
        try {
          const api = createApiClient(url, { workerToken });
          const outcome = await simulateShopper(api, shopper, { k });
          impressions += outcome.impressions;
          if (outcome.hit) hits += 1;
          versions.add(outcome.modelVersionId === null ? "fallback" : `v${outcome.modelVersionId}`);
        } catch (error) {
          const apiError = findApiError(error);
          if (apiError === null) throw error;
          stderr.write(`error: ${apiError.message}\n`);
          return 1;
        }
        progress.tick(index + 1, `${impressions} impressions, ${hits} held-out hits`);
      }
      progress.done();
      stdout.write(
        `simulated ${shoppers.length} shoppers (run ${run}, seed ${seed}) against ${url}: ${impressions} impressions, ` +
          `held-out item shown and bought for ${hits} (hit rate@${k} ${(hits / shoppers.length).toFixed(3)}); ` +
          `served by ${[...versions].join(", ")}\n`,
      );
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
});
