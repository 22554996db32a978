import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { collectPageErrors } from "../src/collect-page-errors";
import { type Browser, launchBrowser } from "../src/launch-browser";
import { screenshotFile } from "../src/paths";

const baseUrl = inject("baseUrl");
/** A formatted price, or the "price on request" text products without a price show. */
const PRICE = /\$\d|价格面议|Price on request/;
let browser: Browser;
let page: Page;
/** Uncaught errors and console errors (hydration mismatches show up here): the run must end with none. */
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await collectPageErrors(page, pageErrors);
});

afterAll(async () => {
  await browser?.close();
});

/** Scrolls each image into view (they load lazily) and waits until it finished loading, successfully or not. */
async function loadImages(images: Locator): Promise<number[]> {
  const count = await images.count();
  for (let i = 0; i < count; i++) {
    const image = images.nth(i);
    await image.scrollIntoViewIfNeeded();
    await image.evaluate(
      (element) =>
        new Promise<void>((resolve) => {
          const img = element as HTMLImageElement;
          if (img.complete) return resolve();
          img.addEventListener("load", () => resolve(), { once: true });
          img.addEventListener("error", () => resolve(), { once: true });
        }),
    );
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return images.evaluateAll((elements) => elements.map((element) => (element as HTMLImageElement).naturalWidth));
}

describe("the shop", () => {
  it("shows at least 12 product cards with loaded photos, in Chinese by default", async () => {
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await page.getByRole("heading", { level: 1, name: "全部珠宝" }).waitFor();

    const cards = page.getByTestId("product-card");
    expect(await cards.count()).toBeGreaterThanOrEqual(12);
    const widths = await loadImages(cards.locator("img"));
    expect(widths.filter((width) => width > 0).length).toBeGreaterThanOrEqual(12);
    expect(widths.filter((width) => width === 0)).toEqual([]);
    for (const price of await page.getByTestId("product-price").allTextContents()) expect(price).toMatch(PRICE);

    fs.mkdirSync(path.dirname(screenshotFile), { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1320 });
    await page.screenshot({ path: screenshotFile });
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  it("filters by a category chip", async () => {
    await page.getByRole("navigation", { name: "品类" }).getByRole("link", { name: /戒指/ }).click();
    await page.waitForURL(/category=ring/);
    const chip = page.getByRole("navigation", { name: "品类" }).getByRole("link", { name: /戒指/ });
    expect(await chip.getAttribute("aria-current")).toBe("page");
    expect(await page.getByTestId("product-card").count()).toBeGreaterThan(0);
  });

  it("opens a product page from a card and shows its title, price and photo", async () => {
    await page.goto(`${baseUrl}/`);
    const card = page
      .getByTestId("product-card")
      .filter({ has: page.locator("img") })
      .first();
    const cardTitle = (await card.getByRole("heading").textContent())?.trim() ?? "";
    expect(cardTitle).not.toBe("");
    await card.getByRole("link").click();
    await page.waitForURL(/\/products\/\d+$/);

    const title = page.getByTestId("product-title");
    await title.waitFor();
    expect((await title.textContent())?.trim()).toBe(cardTitle);
    expect(await page.getByTestId("product-price").textContent()).toMatch(PRICE);
    const [width] = await loadImages(page.locator("article img").first());
    expect(width).toBeGreaterThan(0);
    expect(await page.getByRole("rowheader", { name: "材质" }).count()).toBe(1);

    // "More in <category>" is fetched in the browser through the tRPC HTTP endpoint.
    const related = page.getByRole("region", { name: /^更多/ });
    await related.scrollIntoViewIfNeeded();
    await related.getByTestId("product-card").first().waitFor();
    expect(await related.getByTestId("product-card").count()).toBeGreaterThan(0);
  });

  it("switches to English and keeps it across pages", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en-US");
    await page.getByRole("link", { name: /Back to the collection/ }).waitFor();
    expect(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    const cookies = await browser.context.cookies(baseUrl);
    expect(cookies.find((cookie) => cookie.name === "lang")?.value).toBe("en");

    await page.goto(`${baseUrl}/`);
    await page.getByRole("heading", { level: 1, name: "The collection" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Category" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Search" }).count()).toBe(1);
  });

  it("answers 404 with a page for an unknown product", async () => {
    const response = await page.goto(`${baseUrl}/products/999999999`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "This piece could not be found" }).waitFor();
  });

  it("refuses a customer link the shop's backend did not sign (or any, while linking is not configured)", async () => {
    const response = await fetch(`${baseUrl}/api/shopper/link?token=anything&next=/`, { redirect: "manual" });
    // The e2e server inherits the environment: linking is off unless the developer's shell configured it.
    if (process.env.JEWELGUIDE_SHOPPER_LINK_SECRET) {
      expect(response.status).toBe(400);
    } else {
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("JEWELGUIDE_SHOPPER_LINK_SECRET is not set");
    }
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("logged no page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
