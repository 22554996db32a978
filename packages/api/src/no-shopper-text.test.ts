import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The API answers with codes (a pick's reason, a guide chip's constraint), and the words shoppers read are written by
 * the one messages module (@jewelguide/i18n), in the web app or in the HTTP API's replies. Shopper text always
 * exists in Chinese too, so Chinese in this package's sources means a second messages module is growing here. Test
 * fixtures (test/, testing/, *.test.ts) are not scanned: their product titles are data.
 */
const SOURCE_ROOT = import.meta.dirname;
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Files that may hold Chinese, and why. */
const ALLOWED_FILES = new Set([
  // The OpenAPI document's examples of the spellings a backend may send (input words, not text shown to anyone).
  "shop-api/shop-api-schemas.ts",
]);

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "test" || entry.name === "testing" ? [] : sourceFiles(file);
    return /\.ts$/.test(entry.name) && !entry.name.includes(".test.") ? [file] : [];
  });
}

describe("no shopper-facing text in packages/api", () => {
  it("has no Chinese outside the test fixtures (but the allowed files)", () => {
    const files = sourceFiles(SOURCE_ROOT).map((file) => path.relative(SOURCE_ROOT, file));
    const found = files.flatMap((file) =>
      fs
        .readFileSync(path.join(SOURCE_ROOT, file), "utf8")
        .split("\n")
        .filter((line) => CHINESE.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(found.filter((entry) => !ALLOWED_FILES.has(entry.slice(0, entry.indexOf(": "))))).toEqual([]);
    // An allowance nobody needs any more goes too.
    expect([...ALLOWED_FILES].filter((file) => !found.some((entry) => entry.startsWith(`${file}: `)))).toEqual([]);
  });
});
