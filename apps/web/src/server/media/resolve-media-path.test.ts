import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentTypeOf } from "./content-type";
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

describe("contentTypeOf", () => {
  it("knows the image types and falls back to octet-stream", () => {
    expect(contentTypeOf("a/b.JPG")).toBe("image/jpeg");
    expect(contentTypeOf("x.webp")).toBe("image/webp");
    expect(contentTypeOf("x.png")).toBe("image/png");
    expect(contentTypeOf("x.db")).toBe("application/octet-stream");
  });
});
