import { describe, expect, it } from "vitest";
import { LANGUAGES } from "./languages";
import { formatMessage, MESSAGES } from "./messages";

/** Every string of a messages tree by its dotted key (array items by index). */
function flatten(tree: unknown, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  if (typeof tree === "string") return entries.set(prefix, tree);
  for (const [key, value] of Object.entries(tree as object)) {
    for (const entry of flatten(value, prefix ? `${prefix}.${key}` : key)) entries.set(...entry);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("MESSAGES", () => {
  const english = flatten(MESSAGES.en);

  it.each(LANGUAGES)("%s has every key of the English messages and no other, none of them empty", (language) => {
    const messages = flatten(MESSAGES[language]);
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    expect([...messages].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });

  it.each(LANGUAGES)("%s fills the same placeholders as English in every message", (language) => {
    const messages = flatten(MESSAGES[language]);
    const differing = [...english].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(messages.get(key) ?? "").join(),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("is really translated: the Chinese shop and dashboard share no sentence with the English ones", () => {
    const chinese = flatten(MESSAGES.zh);
    const same = [...english].filter(([key, text]) => chinese.get(key) === text && /[a-z]{3,} [a-z]{3,}/.test(text));
    expect(same.map(([key]) => key)).toEqual([]);
  });
});

describe("formatMessage", () => {
  it("fills named placeholders and leaves unknown ones visible", () => {
    expect(formatMessage("Page {page} of {pageCount}", { page: 2, pageCount: 9 })).toBe("Page 2 of 9");
    expect(formatMessage("更多{category}", { category: "戒指" })).toBe("更多戒指");
    expect(formatMessage("Hello {name}", {})).toBe("Hello {name}");
  });
});
