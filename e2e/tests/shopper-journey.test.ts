import { createDb } from "@jewelguide/db";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { collectPageErrors } from "../src/collect-page-errors";
import { type Browser, launchBrowser } from "../src/launch-browser";
import { e2eDatabaseUrl } from "../src/paths";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** The feed's cards before the shopper did anything: categories and product links. */
let coldCategories: string[] = [];
let coldLinks: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await collectPageErrors(page, pageErrors);
});

afterAll(async () => {
  await browser?.close();
});

const feedCards = () => page.getByTestId("feed").getByTestId("recommended-card");

async function feedState(): Promise<{ categories: string[]; links: string[] }> {
  await feedCards().first().waitFor();
  const categories = await feedCards().evaluateAll((cards) => cards.map((c) => c.getAttribute("data-category") ?? ""));
  const links = await feedCards()
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return { categories, links };
}

/** Opens a recommended card and waits until the product page has logged its view (and click) through tRPC. */
async function openCard(cards: Locator, index: number): Promise<void> {
  const link = cards.nth(index).getByRole("link");
  const href = (await link.getAttribute("href")) ?? "";
  const productId = /\/products\/(\d+)/.exec(href)?.[1] ?? "";
  expect(productId).not.toBe("");
  const logged = page.waitForResponse((response) => response.url().includes("events.log") && response.ok());
  await link.click();
  // Wait for this card's product page (from one product page to another, a generic pattern would match at once).
  await page.waitForURL((url) => url.pathname === `/products/${productId}`);
  await page.getByTestId("product-title").waitFor();
  await logged;
}

describe("a shopper's journey", () => {
  it("gets popular picks across categories with reasons and a signed, HttpOnly shopper cookie on the first visit", async () => {
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
    await page.getByRole("heading", { level: 2, name: "当下热门" }).waitFor();
    const cookies = await browser.context.cookies(baseUrl);
    const shopperCookie = cookies.find((cookie) => cookie.name === "jg_shopper");
    expect(shopperCookie?.value).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(shopperCookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    // Page scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain("jg_shopper");
    expect(await page.getByTestId("feed-source").textContent()).toContain("itemknn");
    const cold = await feedState();
    coldCategories = cold.categories;
    coldLinks = cold.links;
    expect(coldCategories).toHaveLength(12);
    expect(new Set(coldCategories).size).toBeGreaterThanOrEqual(4);
    for (const why of await page.getByTestId("feed").getByTestId("why-this").allTextContents()) {
      expect(why).toMatch(/热卖：已售 \d+ 件/);
    }
  });

  it("asks the guide in Chinese, shows the understood constraints as chips and honours the budget", async () => {
    await page
      .getByRole("link", { name: /帮我挑/ })
      .first()
      .click();
    await page.waitForURL(/\/guide$/);
    await page.getByLabel("您想找什么？").fill("送妈妈的金耳环 预算3000");
    await page.getByRole("button", { name: "查看推荐" }).click();
    await page.waitForURL(/\/guide\?q=/);
    const chips = page.getByTestId("constraint-chips");
    await chips.waitFor();
    const labels = await chips.getByRole("link").allTextContents();
    expect(labels.join(" ")).toMatch(/耳饰.*黄金.*¥3,000 以内（约 US\$416\.67）.*妈妈/);
    const prices = await page.getByTestId("recommended-price").allTextContents();
    expect(prices.length).toBeGreaterThan(0);
    for (const price of prices) expect(Number(price.replace(/[^\d.]/g, ""))).toBeLessThanOrEqual(416.67);
    for (const why of await page.getByTestId("why-this").allTextContents()) expect(why).toContain("符合：耳饰 · 黄金");
    const categories = await page
      .getByTestId("recommended-card")
      .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-category")));
    expect(new Set(categories)).toEqual(new Set(["earring"]));

    // A chip is removable: the recipient goes, the rest stays.
    await chips.getByRole("link", { name: /妈妈/ }).click();
    await page.waitForURL(/drop=recipient/);
    await page.getByTestId("constraint-chips").waitFor();
    const after = await page.getByTestId("constraint-chips").getByRole("link").allTextContents();
    expect(after.join(" ")).not.toContain("妈妈");
    expect(after.join(" ")).toContain("耳饰");
  });

  it("views several earrings from the guide, then opens a similar piece", async () => {
    const guideUrl = page.url();
    for (const index of [1, 2, 3]) {
      await openCard(page.getByTestId("recommended-card"), index);
      await page.goto(guideUrl);
      await page.getByTestId("recommended-card").first().waitFor();
    }
    await openCard(page.getByTestId("recommended-card"), 0);
    const similar = page.getByRole("region", { name: "相似款" });
    await similar.scrollIntoViewIfNeeded();
    expect(await similar.getByTestId("recommended-card").count()).toBeGreaterThan(0);
    expect(await similar.getByTestId("why-this").first().textContent()).toMatch(/相似（相似度 \d\.\d\d）/);
    // Stay with earrings: the journey is about one category.
    const earrings = similar.locator('[data-testid="recommended-card"][data-category="earring"]');
    await openCard((await earrings.count()) > 0 ? earrings : similar.getByTestId("recommended-card"), 0);
  });

  it("saves a favourite and adds to the cart, then checks out (demo, no payment)", async () => {
    const title = (await page.getByTestId("product-title").textContent())?.trim() ?? "";
    for (const testId of ["toggle-favorite", "toggle-cart"]) {
      const button = page.getByTestId(testId);
      // A click before React has hydrated the button is lost: wait until React owns the element.
      await page.waitForFunction((id) => {
        const element = document.querySelector(`[data-testid="${id}"]`);
        return element !== null && Object.keys(element).some((key) => key.startsWith("__reactProps"));
      }, testId);
      await button.click();
      await page.waitForFunction(
        (id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute("aria-pressed") === "true",
        testId,
      );
    }
    await page.goto(`${baseUrl}/favorites`);
    await page.getByRole("heading", { level: 1, name: "我的收藏" }).waitFor();
    expect(await page.getByTestId("list-item").allTextContents()).toEqual([expect.stringContaining(title)]);
    await page.goto(`${baseUrl}/cart`);
    expect(await page.getByTestId("list-item").count()).toBe(1);
    await page.getByRole("button", { name: "购买（演示结账）" }).click();
    await page.getByRole("status").filter({ hasText: "演示购买已记录" }).waitFor();
    await page.getByTestId("list-empty").waitFor();
  });

  it("shows a feed that changed toward what the shopper looked at", async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole("heading", { level: 2, name: "为您推荐" }).waitFor();
    const warm = await feedState();
    expect(warm.links).not.toEqual(coldLinks);
    // Only earrings were viewed, saved and bought: the feed holds more earrings than the cold one (up to the
    // per-category cap of the first screen), and its picks are explained by those earrings.
    const earrings = (categories: string[]) => categories.filter((c) => c === "earring").length;
    expect(earrings(warm.categories)).toBeGreaterThan(earrings(coldCategories));
    const reasons = await feedCards().evaluateAll((cards) => cards.map((c) => c.getAttribute("data-reason")));
    expect(reasons.filter((reason) => reason === "similar-to-recent").length).toBeGreaterThanOrEqual(6);
    expect(await feedCards().first().getAttribute("data-reason")).toBe("similar-to-recent");
    expect(await feedCards().first().getByTestId("why-this").textContent()).toMatch(/与您.+的「.+」相似/);
  });

  it("switches to English, reasons included", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en-US");
    await page.getByRole("heading", { level: 2, name: "Picked for you" }).waitFor();
    expect(await feedCards().first().getByTestId("why-this").textContent()).toMatch(/Similar to “.+”, which you/);
    await page.setViewportSize({ width: 390, height: 844 });
    // Mobile width: nothing sticks out sideways (the offenders are named when something does).
    const overflowing = await page.evaluate(() =>
      Array.from(document.querySelectorAll("body *"))
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3)
        .map((element) => `${element.tagName}.${element.className}`),
    );
    expect(overflowing).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  it("stored the journey for the cookie's shopper, clicks attributed to the lists the server served", async () => {
    const cookie = (await browser.context.cookies(baseUrl)).find((c) => c.name === "jg_shopper")?.value ?? "";
    const externalId = Buffer.from(cookie.split(".")[1] ?? "", "base64url").toString("utf8");
    expect(externalId).toMatch(/^w_[A-Za-z0-9_-]{22}$/);
    const { db } = createDb(e2eDatabaseUrl);
    try {
      const events = await db.interaction.findMany({
        where: { user: { externalId } },
        select: { type: true, requestId: true, modelVersionId: true, slot: true, source: true, context: true },
      });
      const clicks = events.filter((event) => event.type === "click");
      expect(clicks.length).toBeGreaterThanOrEqual(4);
      for (const click of clicks) {
        expect(click.requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(click.modelVersionId).not.toBeNull();
        expect(click.slot).not.toBeNull();
        expect(["guide", "similar"]).toContain((click.context as { surface?: string }).surface);
      }
      expect(events.filter((event) => event.type === "impression" && event.requestId !== null).length).toBeGreaterThan(
        0,
      );
      const purchase = events.find((event) => event.type === "purchase");
      expect(purchase?.context).toMatchObject({ demoCheckout: true, currency: expect.any(String) });
      expect(events.every((event) => event.source === "web")).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it("logged no page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
