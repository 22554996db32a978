import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveMediaPath } from "./resolve-media-path";

const root = "/srv/data/media";

describe("resolveMediaPath", () => {
  it("resolves files inside the media folder", () => {
    expect(resolveMediaPath(root, ["jewellery-images-5class", "images", "rings_0001.jpg"])).toBe(
      path.join(root, "jewellery-images-5class/images/rings_0001.jpg"),
    );
    expect(resolveMediaPath(`${root}/`, ["a.png"])).toBe(path.join(root, "a.png"));
  });

  it("refuses path traversal and odd segments", () => {
    const attacks: string[][] = [
      [],
      [".."],
      ["..", "secret.db"],
      ["images", "..", "..", "jewelguide.db"],
      ["."],
      [""],
      ["images", ""],
      ["/etc/passwd"],
      ["images/../../x"],
      ["..\\..\\x"],
      ["a\0.jpg"],
      [".staging-0a1b-ring.jpg"],
      ["catalog", ".replaced-0a1b-ring.jpg"],
      ["..."],
    ];
    for (const segments of attacks) {
      expect(resolveMediaPath(root, segments), JSON.stringify(segments)).toBeNull();
    }
  });

  it("refuses a sibling folder that shares the prefix", () => {
    // "/srv/data/media-private" starts with "/srv/data/media" as a string but is outside the folder.
    expect(resolveMediaPath(root, ["..", "media-private", "x.jpg"])).toBeNull();
  });
});
