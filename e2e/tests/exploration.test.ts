import { createDb } from "@jewelguide/db";
import type { Page } from "@playwright/test";
import { e2eBaseUrl as baseUrl, e2eDatabaseUrl } from "../src/paths";
import { expect, test } from "../src/test";

/** The e2e server runs with the default JEWELGUIDE_EXPLORATION_SLOTS (1): the 10th pick explores. */
const EXPLORATION_SLOTS = [9];

const feedCards = (page: Page) => page.getByTestId("feed").getByTestId("recommended-card");

/** The product id of each feed card, in slot order (from its link). */
async function cardProductIds(page: Page): Promise<number[]> {
  const hrefs = await feedCards(page)
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
  return hrefs.map((href) => Number(/\/products\/(\d+)/.exec(href)?.[1]));
}

async function shopperIdOf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies(baseUrl)).find((c) => c.name === "jg_shopper")?.value ?? "";
  return Buffer.from(cookie.split(".")[1] ?? "", "base64url").toString("utf8");
}

test("a first visit's feed shows exploratory picks labelled as such, logged with their propensities", async ({
  page,
}) => {
  await page.goto("/");
  await expect(feedCards(page)).toHaveCount(12);
  const reasons = await feedCards(page).evaluateAll((cards) => cards.map((c) => c.getAttribute("data-reason")));
  expect(reasons.flatMap((reason, slot) => (reason === "exploring" ? [slot] : []))).toEqual(EXPLORATION_SLOTS);
  const exploring = page.getByTestId("feed").locator('[data-testid="recommended-card"][data-reason="exploring"]');
  for (const index of EXPLORATION_SLOTS.keys()) {
    await expect(exploring.nth(index).getByTestId("exploring-label")).toHaveText("新发现");
    await expect(exploring.nth(index).getByTestId("why-this")).toHaveText(/我们还在了解这件珠宝/);
  }
  // The model's own picks carry no such label.
  await expect(page.getByTestId("feed").getByTestId("exploring-label")).toHaveCount(EXPLORATION_SLOTS.length);

  const shopperId = await shopperIdOf(page);
  expect(shopperId).toMatch(/^w_/);
  const shown = await cardProductIds(page);
  const { db } = createDb(e2eDatabaseUrl);
  try {
    const rows = await db.impression.findMany({
      where: { shopperId },
      orderBy: [{ requestId: "asc" }, { slot: "asc" }],
    });
    expect(rows).toHaveLength(12);
    const requestId = rows[0]?.requestId ?? "";
    expect(rows.every((row) => row.requestId === requestId && row.surface === "feed")).toBe(true);
    expect(rows.map((row) => row.productId)).toEqual(shown);
    expect(rows.every((row) => row.policy === "thompson-beta/7" && row.modelVersionId !== null)).toBe(true);
    for (const row of rows) {
      if (EXPLORATION_SLOTS.includes(row.slot)) {
        expect(row.exploratory).toBe(true);
        expect(row.propensity).toBeGreaterThan(0);
        expect(row.propensity).toBeLessThan(1);
      } else {
        expect(row).toMatchObject({ exploratory: false, propensity: 1 });
      }
    }

    // A click on the exploratory pick is attributed to its impression (the policy's evidence): same request, slot.
    const logged = page.waitForResponse((response) => response.url().includes("events.log") && response.ok());
    await exploring.first().getByRole("link").click();
    await page.waitForURL(/\/products\/\d+/);
    await logged;
    await expect
      .poll(() =>
        db.interaction.count({
          where: { user: { externalId: shopperId }, type: "click", requestId, slot: EXPLORATION_SLOTS[0] },
        }),
      )
      .toBe(1);
  } finally {
    await db.$disconnect();
  }

  // In English the label and the reason say the same.
  await page.context().addCookies([{ name: "lang", value: "en", url: baseUrl }]);
  await page.goto("/");
  await expect(exploring.first().getByTestId("exploring-label")).toHaveText("New to you");
  await expect(exploring.first().getByTestId("why-this")).toHaveText(
    /New to you — we're still learning about this piece/,
  );
});
