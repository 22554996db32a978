import {
  isShopperExternalId,
  newWebShopperId,
  type ServerSecrets,
  SHOPPER_COOKIE,
  signShopperCookie,
} from "@jewelguide/api/security";
import type { Db } from "@jewelguide/db";
import { createRng, type Rng } from "@jewelguide/model";

/** ~30 realistic guide requests: Chinese, English and mixed, with budgets, recipients, metals and gems. */
export const GUIDE_REQUESTS: ReadonlyArray<{ text: string; locale: "zh" | "en" }> = [
  { text: "送妈妈的金手镯 预算5000", locale: "zh" },
  { text: "金戒指", locale: "zh" },
  { text: "给女朋友的生日礼物，项链，两千以内", locale: "zh" },
  { text: "银耳环 300元左右", locale: "zh" },
  { text: "结婚戒指 铂金 钻石", locale: "zh" },
  { text: "玫瑰金吊坠 送闺蜜", locale: "zh" },
  { text: "男士手表 一万以下", locale: "zh" },
  { text: "珍珠项链 送老婆 纪念日", locale: "zh" },
  { text: "简约风格的白金耳钉", locale: "zh" },
  { text: "红宝石戒指 预算3000到8000", locale: "zh" },
  { text: "给爸爸的礼物", locale: "zh" },
  { text: "便宜一点的银手链", locale: "zh" },
  { text: "蓝宝石 胸针", locale: "zh" },
  { text: "silver earrings between $300 and $1000", locale: "en" },
  { text: "gold ring under $300", locale: "en" },
  { text: "a diamond necklace for my wife's anniversary", locale: "en" },
  { text: "rose gold bracelet for my sister, around $200", locale: "en" },
  { text: "men's watch under 500 dollars", locale: "en" },
  { text: "pearl earrings for mom", locale: "en" },
  { text: "platinum engagement ring with diamond", locale: "en" },
  { text: "minimalist white gold pendant", locale: "en" },
  { text: "birthday gift for my girlfriend", locale: "en" },
  { text: "cheap silver ring", locale: "en" },
  { text: "emerald brooch", locale: "en" },
  { text: "送女朋友 diamond ring 预算 $1000", locale: "zh" },
  { text: "gold 项链 for mom 生日", locale: "en" },
  { text: "925银 earrings 200元以内", locale: "zh" },
  { text: "rose gold 手链 送闺蜜", locale: "zh" },
  { text: "wedding band 铂金 男款", locale: "en" },
  { text: "", locale: "zh" },
];

/** One request of a load: a tRPC GET path, and the signed shopper cookie it is sent with (feed and guide). */
export type LoadRequest = { path: string; cookie?: string };

export type RequestSets = {
  feed: LoadRequest[];
  similar: LoadRequest[];
  guide: LoadRequest[];
  counts: { usersWithHistory: number; newShoppers: number; skus: number; guideTexts: number };
};

/** A tRPC GET path: `/api/trpc/<procedure>?input=<superjson JSON>`. */
export function trpcPath(procedure: string, input: unknown): string {
  return `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

/**
 * Requests for the three procedures: feeds for real REES46 shoppers with history and for new shoppers; similar pieces
 * for random SKUs; guide requests rotating through GUIDE_REQUESTS, half of them for a known shopper. The shopper is
 * named only by the `jg_shopper` cookie, as for a browser: the benchmark is the operator's tool and signs those
 * cookies itself with the shop's key (`secrets`, the same the web server loads). Seeded, so two runs send the same
 * requests (the new shoppers' random ids aside).
 */
export async function buildRequestSets(
  db: Db,
  options: { usersWithHistory: number; newShoppers: number; skus: number; seed: number; secrets: ServerSecrets },
): Promise<RequestSets> {
  const rng = createRng(options.seed);
  const withHistory = await db.user.findMany({
    where: { interactions: { some: {} } },
    select: { externalId: true },
    orderBy: { id: "asc" },
  });
  const known = sample(
    withHistory.map((user) => user.externalId).filter(isShopperExternalId),
    options.usersWithHistory,
    rng,
  );
  const fresh = Array.from({ length: options.newShoppers }, () => newWebShopperId());
  const cookieOf = (shopperId: string) =>
    `${SHOPPER_COOKIE}=${signShopperCookie(shopperId, options.secrets.shopperCookieKey)}`;
  const products = await db.product.findMany({ select: { sku: true }, orderBy: { id: "asc" } });
  const skus = sample(
    products.map((product) => product.sku),
    options.skus,
    rng,
  );
  const feed = shuffle([...known, ...fresh], rng).map((shopperId) => ({
    path: trpcPath("recommendations.feed", { k: 12 }),
    cookie: cookieOf(shopperId),
  }));
  const similar = skus.map((sku, i) => ({
    path: trpcPath("recommendations.similar", {
      sku,
      k: 8,
      ...(i % 3 === 1 ? { sameCategory: true } : {}),
      ...(i % 3 === 2 ? { priceBand: 0.3 } : {}),
    }),
  }));
  const guide: LoadRequest[] = [];
  for (let round = 0; round < 4; round++) {
    for (const request of GUIDE_REQUESTS) {
      const shopperId = round % 2 === 0 ? known[rng.nextInt(known.length)] : fresh[rng.nextInt(fresh.length)];
      guide.push({
        path: trpcPath("guide.ask", { text: request.text, k: 12, locale: request.locale }),
        ...(shopperId ? { cookie: cookieOf(shopperId) } : {}),
      });
    }
  }
  return {
    feed,
    similar,
    guide: shuffle(guide, rng),
    counts: {
      usersWithHistory: known.length,
      newShoppers: fresh.length,
      skus: skus.length,
      guideTexts: GUIDE_REQUESTS.length,
    },
  };
}

function sample<T>(values: readonly T[], count: number, rng: Rng): T[] {
  return shuffle([...values], rng).slice(0, count);
}

function shuffle<T>(values: T[], rng: Rng): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [values[i], values[j]] = [values[j] as T, values[i] as T];
  }
  return values;
}
