import type { BrowserContext } from "@playwright/test";

/** The prefix the in-page listener below logs each Content-Security-Policy violation with. */
const VIOLATION_PREFIX = "CSP violation:";

/**
 * Collects the uncaught errors, console errors (hydration mismatches show up there) and Content-Security-Policy
 * violations of every page of a browser context into `errors`, for a test that must end with none. Violations are
 * caught twice on purpose: the page's own `securitypolicyviolation` events (installed before any page script runs)
 * and Chromium's console reports ("Refused to …", "… violates the following Content Security Policy directive …"),
 * which also cover what happens before the listener exists. A 404 document logs a failed resource load: tests that
 * open one assert the status, so that one console error alone is let through.
 */
export async function collectPageErrors(context: BrowserContext, errors: string[]): Promise<void> {
  context.on("weberror", (webError) => errors.push(webError.error().message));
  context.on("console", (message) => {
    const text = message.text();
    if (isPolicyViolation(text)) errors.push(text);
    else if (message.type() === "error" && !text.includes("404")) errors.push(text);
  });
  await context.addInitScript((prefix: string) => {
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
