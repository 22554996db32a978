import { describe, expect, it } from "vitest";
import { getEnv } from "./env";

const REQUIRED = {
  NODE_ENV: "test",
  DATABASE_URL: "file:/tmp/jewelguide.db",
  JEWELGUIDE_DATA_DIR: "/tmp/jewelguide",
} as const;

describe("getEnv: the shop's default language", () => {
  it("is Chinese unless set, and may be English", () => {
    expect(getEnv({ ...REQUIRED }).JEWELGUIDE_DEFAULT_LANGUAGE).toBe("zh");
    expect(getEnv({ ...REQUIRED, JEWELGUIDE_DEFAULT_LANGUAGE: "en" }).JEWELGUIDE_DEFAULT_LANGUAGE).toBe("en");
  });

  it("refuses a language the shop does not speak, naming the variable", () => {
    expect(() => getEnv({ ...REQUIRED, JEWELGUIDE_DEFAULT_LANGUAGE: "fr" })).toThrow(
      /JEWELGUIDE_DEFAULT_LANGUAGE must be "zh" or "en"/,
    );
  });
});
