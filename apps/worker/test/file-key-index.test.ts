import { describe, expect, it } from "vitest";
import { FileKeyIndex } from "../src/ingest/file-key-index";

describe("FileKeyIndex", () => {
  it("returns nothing for a new key and the first line, with whether the content matched, for a repeated one", () => {
    const index = new FileKeyIndex();
    expect(index.firstSeen("S-1", "content-a", 2)).toBeUndefined();
    expect(index.firstSeen("S-2", "content-b", 3)).toBeUndefined();
    expect(index.firstSeen("S-1", "content-a", 4)).toEqual({ line: 2, sameContent: true });
    expect(index.firstSeen("S-1", "content-c", 5)).toEqual({ line: 2, sameContent: false });
    // A repeat records nothing: the first line stays the one reported.
    expect(index.firstSeen("S-1", "content-c", 6)).toEqual({ line: 2, sameContent: false });
    expect(index.size).toBe(2);
  });

  it("keeps every key and its line through many doublings of the table", () => {
    const index = new FileKeyIndex();
    const rows = 50_000;
    for (let line = 1; line <= rows; line++)
      expect(index.firstSeen(`event-${line}`, `fp-${line}`, line)).toBeUndefined();
    expect(index.size).toBe(rows);
    for (let line = 1; line <= rows; line += 997) {
      expect(index.firstSeen(`event-${line}`, `fp-${line}`, rows + line)).toEqual({ line, sameContent: true });
      expect(index.firstSeen(`event-${line}`, "changed", rows + line)).toEqual({ line, sameContent: false });
    }
    expect(index.size).toBe(rows);
  });

  it("refuses a line that is not a positive whole number", () => {
    const index = new FileKeyIndex();
    expect(() => index.firstSeen("S-1", "a", 0)).toThrow(/line 0 is not a line number/);
    expect(() => index.firstSeen("S-1", "a", 1.5)).toThrow(/line 1.5 is not a line number/);
  });
});
