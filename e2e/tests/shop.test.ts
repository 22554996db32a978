import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { e2eBaseUrl as baseUrl, screenshotFile } from "../src/paths";
import { expect, test } from "../src/test";

/** A formatted price, or the "price on request" text products without a price show. */
const PRICE = /\$\d|价格面议|Price on request/;

/** Scrolls each image into view (they load lazily) and waits until it finished loading, successfully or not. */
async function loadImages(page: Page, images: Locator): Promise<number[]> {
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

/** Opens the home page and the product page of its first card (the card's link, as a shopper would). */
async function openFirstProduct(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByTestId("product-card").first().getByRole("link").click();
  await page.waitForURL(/\/products\/\d+$/);
  await expect(page.getByTestId("product-title")).toBeVisible();
}

test.describe("the shop", () => {
  test("shows at least 12 product cards with loaded photos, in Chinese by default", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: "全部珠宝" })).toBeVisible();

    const cards = page.getByTestId("product-card");
    expect(await cards.count()).toBeGreaterThanOrEqual(12);
    const widths = await loadImages(page, cards.locator("img"));
    expect(widths.filter((width) => width > 0).length).toBeGreaterThanOrEqual(12);
    expect(widths.filter((width) => width === 0)).toEqual([]);
    for (const price of await page.getByTestId("product-price").allTextContents()) expect(price).toMatch(PRICE);

    fs.mkdirSync(path.dirname(screenshotFile), { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1320 });
    await page.screenshot({ path: screenshotFile });
  });

  test("filters by a category chip", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "品类" }).getByRole("link", { name: /戒指/ }).click();
    await page.waitForURL(/category=ring/);
    const chip = page.getByRole("navigation", { name: "品类" }).getByRole("link", { name: /戒指/ });
    await expect(chip).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("product-card").first()).toBeVisible();
  });

  test("opens a product page from a card and shows its title, price and photo", async ({ page }) => {
    await page.goto("/");
    const card = page
      .getByTestId("product-card")
      .filter({ has: page.locator("img") })
      .first();
    const cardTitle = (await card.getByRole("heading").textContent())?.trim() ?? "";
    expect(cardTitle).not.toBe("");
    await card.getByRole("link").click();
    await page.waitForURL(/\/products\/\d+$/);

    await expect(page.getByTestId("product-title")).toHaveText(cardTitle);
    await expect(page.getByTestId("product-price")).toHaveText(PRICE);
    const [width] = await loadImages(page, page.locator("article img").first());
    expect(width).toBeGreaterThan(0);
    await expect(page.getByRole("rowheader", { name: "材质" })).toHaveCount(1);

    // "More in <category>" is fetched in the browser through the tRPC HTTP endpoint.
    const related = page.getByRole("region", { name: /^更多/ });
    await related.scrollIntoViewIfNeeded();
    await expect(related.getByTestId("product-card").first()).toBeVisible();
  });

  test("switches to English and keeps it across pages", async ({ page }) => {
    await openFirstProduct(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: /Back to the collection/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    const cookies = await page.context().cookies(baseUrl);
    expect(cookies.find((cookie) => cookie.name === "lang")?.value).toBe("en");

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "The collection" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Category" })).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Search" })).toHaveCount(1);
  });

  test("answers 404 with a page for an unknown product", async ({ page }) => {
    // In English, as a shopper who switched language (the 404 page speaks the shop's language).
    await page.context().addCookies([{ name: "lang", value: "en", url: baseUrl }]);
    const response = await page.goto("/products/999999999");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This piece could not be found" })).toBeVisible();
  });

  test("refuses a customer link the shop's backend did not sign (or any, while linking is not configured)", async () => {
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

  // Every test above already fails on its own page errors (src/test.ts); this one walks the shop's pages in one
  // browser session, the way the shared page of the old runner did, so errors that need a history show up too.
  test("logs no page errors across its pages: home, a category, a product, English, a 404", async ({
    page,
    pageErrors,
  }) => {
    await page.goto("/", { waitUntil: "networkidle" });
    await page.goto("/?category=ring", { waitUntil: "networkidle" });
    await openFirstProduct(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/", { waitUntil: "networkidle" });
    await page.goto("/products/999999999", { waitUntil: "networkidle" });
    expect(pageErrors).toEqual([]);
  });
});
