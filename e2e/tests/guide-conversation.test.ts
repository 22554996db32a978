import type { Page } from "@playwright/test";
import { expect, test } from "../src/test";

const chipTexts = async (page: Page) =>
  (await page.getByTestId("constraint-chips").getByRole("link").allTextContents()).join(" ");
const productLinks = (page: Page) =>
  page
    .getByTestId("recommended-card")
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
const turnsOf = (page: Page) => new URL(page.url()).searchParams.getAll("q");

/**
 * The guide as a conversation, in Chromium: a first visit asks, a follow-up refines the answer (its chips and its picks
 * change), the conversation is in the URL, and the back button restores the turn before.
 */
test.describe("the guide as a conversation", () => {
  test("a follow-up turn edits the request, and back restores the turn before", async ({ page }) => {
    await page.goto("/guide");
    await page.getByLabel("您想找什么？").fill("送妈妈的金耳环 预算3000");
    await page.getByRole("button", { name: "查看推荐" }).click();
    await page.waitForURL((url) => url.searchParams.getAll("q").length === 1);
    await expect.poll(() => chipTexts(page)).toMatch(/耳饰.*黄金.*¥3,000\.00 以内.*妈妈/);
    await expect(page.getByTestId("recommended-card").first()).toBeVisible();
    const firstPicks = await productLinks(page);
    expect(firstPicks.length).toBeGreaterThan(0);

    // The follow-up edits the metal and keeps the rest.
    await page.getByLabel("继续说说要怎么调整").fill("换成银的");
    await page.getByRole("button", { name: "调整" }).click();
    await page.waitForURL((url) => url.searchParams.getAll("q").length === 2);
    expect(turnsOf(page)).toEqual(["送妈妈的金耳环 预算3000", "换成银的"]);
    await expect.poll(() => chipTexts(page)).toMatch(/^(?!.*黄金).*耳饰.*银.*¥3,000\.00 以内.*妈妈/);
    await expect(page.getByTestId("guide-turns").getByRole("listitem")).toHaveText([
      "送妈妈的金耳环 预算3000",
      "换成银的",
    ]);
    await expect(page.getByTestId("recommended-card").first()).toBeVisible();
    const silverPicks = await productLinks(page);
    expect(silverPicks.length).toBeGreaterThan(0);
    expect(silverPicks.filter((link) => firstPicks.includes(link))).toEqual([]);
    for (const why of await page.getByTestId("why-this").allTextContents()) expect(why).toContain("符合：耳饰 · 银");

    // Removing a chip is one more turn: the recipient goes, the rest stays.
    await page.getByTestId("constraint-chips").getByRole("link", { name: /妈妈/ }).click();
    await page.waitForURL((url) => url.searchParams.getAll("q").length === 3);
    expect(turnsOf(page)[2]).toBe("不限收礼人");
    await expect.poll(() => chipTexts(page)).toMatch(/^(?!.*妈妈).*耳饰.*银/);

    // Back: the chip returns; back again: the first turn's chips and picks.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.getAll("q").length === 2);
    await expect.poll(() => chipTexts(page)).toMatch(/耳饰.*银.*妈妈/);
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.getAll("q").length === 1);
    await expect.poll(() => chipTexts(page)).toMatch(/^(?!.*银).*耳饰.*黄金.*¥3,000\.00 以内.*妈妈/);
    await expect.poll(() => productLinks(page)).toEqual(firstPicks);
  });

  test("a shared link replays the conversation, and an overlong one is told to start over", async ({ page }) => {
    await page.goto(
      `/guide?${new URLSearchParams([
        ["q", "gold ring"],
        ["q", "cheaper"],
        ["q", "not for men"],
      ])}`,
    );
    await expect.poll(() => chipTexts(page)).toMatch(/戒指.*黄金.*不要：男款/);
    await expect(page.getByTestId("guide-turns").getByRole("listitem")).toHaveCount(3);
    await expect(page.getByTestId("guide-new-request")).toHaveCount(0);
    // A whole new request starts over, and the page says so: the gold and the exclusion are gone.
    await page.getByLabel("继续说说要怎么调整").fill("想给老公买条银手链，1000以内");
    await page.getByRole("button", { name: "调整" }).click();
    await page.waitForURL((url) => url.searchParams.getAll("q").length === 4);
    await expect(page.getByTestId("guide-new-request")).toBeVisible();
    await expect.poll(() => chipTexts(page)).toMatch(/^(?!.*黄金)(?!.*不要).*手链.*银.*¥1,000\.00 以内.*老公/);
    const tooLong = new URLSearchParams(Array.from({ length: 11 }, (_, i) => ["q", `ring ${i}`]));
    await page.goto(`/guide?${tooLong}`);
    await expect(page.getByTestId("guide-conversation").getByRole("status")).toHaveText(/10 轮，请重新开始/);
    await expect(page.getByTestId("recommended-card")).toHaveCount(0);
  });
});
