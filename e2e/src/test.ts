import { test as base, expect } from "@playwright/test";
import { collectPageErrors } from "./collect-page-errors";

type PageErrorFixtures = {
  /** Whether a test fails when its pages logged errors (see collectPageErrors); on unless a file turns it off. */
  failOnPageErrors: boolean;
  /** What the test's pages logged so far: uncaught errors, console errors and CSP violations. */
  pageErrors: string[];
};

/**
 * Playwright's `test` with every test's browser context watched for page errors: a test that opened pages ends by
 * checking its pages logged none (hydration mismatches, CSP violations, uncaught errors), unless the file says
 * `test.use({ failOnPageErrors: false })` because it provokes such errors on purpose and asserts them itself.
 */
export const test = base.extend<PageErrorFixtures>({
  failOnPageErrors: [true, { option: true }],
  pageErrors: async ({ context }, use) => {
    const errors: string[] = [];
    await collectPageErrors(context, errors);
    await use(errors);
  },
  page: async ({ page, pageErrors, failOnPageErrors }, use) => {
    await use(page);
    if (failOnPageErrors) expect(pageErrors, "errors the test's pages logged").toEqual([]);
  },
});

export { expect };
