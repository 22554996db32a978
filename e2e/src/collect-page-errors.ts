import type { Page } from "playwright-core";

/**
 * Collects a page's uncaught errors and console errors (hydration mismatches show up there) into `errors`, for a test
 * run that must end with none. A 404 document logs a failed resource load: tests that open one assert the status.
 */
export function collectPageErrors(page: Page, errors: string[]): void {
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes("404")) errors.push(message.text());
  });
}
