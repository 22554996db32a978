import { e2eBaseUrl as baseUrl } from "../src/paths";
import { expect, test } from "../src/test";

// The browser context's locale is what Chromium sends as Accept-Language: a first visit (no `lang` cookie yet) is in
// the language it asks for; the 中文/English switch then sets the cookie, which wins over the header from then on.

test.describe("an English browser", () => {
  test.use({ locale: "en-US" });

  test("gets the shop in English on its first visit", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "The collection" })).toBeVisible();
    await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    expect((await page.context().cookies(baseUrl)).find((cookie) => cookie.name === "lang")).toBeUndefined();
  });

  test("keeps 中文 once chosen with the switch, although the browser still asks for English", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: "全部珠宝" })).toBeVisible();
    expect((await page.context().cookies(baseUrl)).find((cookie) => cookie.name === "lang")?.value).toBe("zh");

    await page.goto("/guide");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: "导购助手" })).toBeVisible();
  });
});

test.describe("a Chinese browser", () => {
  test.use({ locale: "zh-TW" });

  test("gets the shop in Chinese on its first visit, and English once switched", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: "全部珠宝" })).toBeVisible();

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/guide");
    await expect(page.getByRole("heading", { level: 1, name: "Shopping guide" })).toBeVisible();
  });
});

test.describe("a browser asking for neither language", () => {
  test.use({ locale: "fr-FR" });

  test("gets the shop's default language, Chinese", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: "全部珠宝" })).toBeVisible();
  });
});
