import type { Page } from "playwright-core";

/** The prefix the in-page listener below logs each Content-Security-Policy violation with. */
const VIOLATION_PREFIX = "CSP violation:";

/**
 * Collects a page's uncaught errors, console errors (hydration mismatches show up there) and Content-Security-Policy
 * violations into `errors`, for a test run that must end with none. Violations are caught twice on purpose: the
 * page's own `securitypolicyviolation` events (installed before any page script runs) and Chromium's console reports
 * ("Refused to …", "… violates the following Content Security Policy directive …"), which also cover what happens
 * before the listener exists. A 404 document logs a failed resource
 * load: tests that open one assert the status, so that one console error alone is let through.
 */
export async function collectPageErrors(page: Page, errors: string[]): Promise<void> {
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    const text = message.text();
    if (isPolicyViolation(text)) errors.push(text);
    else if (message.type() === "error" && !text.includes("404")) errors.push(text);
  });
  await page.addInitScript((prefix: string) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.warn(
        `${prefix} ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber} on ${event.documentURI}`,
      );
    });
  }, VIOLATION_PREFIX);
}

function isPolicyViolation(consoleText: string): boolean {
  return (
    consoleText.startsWith(VIOLATION_PREFIX) ||
    consoleText.startsWith("Refused to") ||
    consoleText.includes("Content Security Policy")
  );
}
