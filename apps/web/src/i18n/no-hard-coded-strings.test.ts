import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every word the shop and the dashboard show comes from messages.ts, so both languages have it. This scan reads the
 * components and pages (src/app, src/components, src/lib) as TypeScript and reports what would show untranslated:
 * JSX text with a word in it, a word in a user-visible attribute (aria-label, title, placeholder, alt, label), and any
 * string with Chinese characters (they belong in the messages). Pragmatic, not a proof: a word built in code escapes it.
 */
const SCANNED = ["app", "components", "lib"];
const SOURCE_ROOT = path.resolve(import.meta.dirname, "..");

/** What may stay, and why. Keyed by "file: text" as the scan reports it. */
const ALLOWED = new Set([
  // The switch names each language in that language (an endonym), whatever the page's language.
  'components/language-switch.tsx: "中文"',
  // An error boundary cannot know the page's language (no cookie, no messages in the client bundle): it says it in both.
  'components/server-fault-notice.tsx: "页面出错了"',
  'components/server-fault-notice.tsx: "Something went wrong on our side"',
  'components/server-fault-notice.tsx: "请稍后再试。"',
  'components/server-fault-notice.tsx: "Please try again in a moment."',
  'components/server-fault-notice.tsx: "错误编号"',
  'components/server-fault-notice.tsx: "Error reference"',
  'components/server-fault-notice.tsx: "重试"',
  'components/server-fault-notice.tsx: "Try again"',
]);

const VISIBLE_ATTRIBUTES = new Set(["aria-label", "title", "placeholder", "alt", "label"]);
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const WORD = /[A-Za-z]{2,}/;

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [file] : [];
  });
}

/** The untranslated texts of one file. */
function findHardCodedStrings(fileName: string, source: string): string[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (WORD.test(text) || CHINESE.test(text)) found.push(text);
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      const parent = node.parent;
      const visibleAttribute = ts.isJsxAttribute(parent) && VISIBLE_ATTRIBUTES.has(parent.name.getText(file));
      if (CHINESE.test(node.text) || (visibleAttribute && WORD.test(node.text))) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("no hard-coded strings in the shop's and the dashboard's components", () => {
  it("finds none outside messages.ts (but the allowed ones)", () => {
    const found = SCANNED.flatMap((folder) => sourceFiles(path.join(SOURCE_ROOT, folder))).flatMap((file) => {
      const relative = path.relative(SOURCE_ROOT, file);
      return findHardCodedStrings(file, fs.readFileSync(file, "utf8")).map(
        (text) => `${relative}: ${JSON.stringify(text)}`,
      );
    });
    expect(found.filter((entry) => !ALLOWED.has(entry))).toEqual([]);
    // An allowance nobody needs any more goes too.
    expect([...ALLOWED].filter((entry) => !found.includes(entry))).toEqual([]);
  });

  it("would catch JSX text, a visible attribute and Chinese anywhere", () => {
    const source = [
      "export const A = () => <p>Add to cart</p>;",
      'export const B = () => <input placeholder="Search" aria-hidden="true" className="px-2" />;',
      'const note = "价格面议";',
      "export const C = () => <p>{note} · 12</p>;",
    ].join("\n");
    expect(findHardCodedStrings("sample.tsx", source)).toEqual(["Add to cart", "Search", "价格面议"]);
  });
});
