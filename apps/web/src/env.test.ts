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

describe("getEnv: the feed's exploration slots", () => {
  it("is 1 unless set, 0 switches exploration off", () => {
    expect(getEnv({ ...REQUIRED }).JEWELGUIDE_EXPLORATION_SLOTS).toBe(1);
    expect(getEnv({ ...REQUIRED, JEWELGUIDE_EXPLORATION_SLOTS: "0" }).JEWELGUIDE_EXPLORATION_SLOTS).toBe(0);
    expect(getEnv({ ...REQUIRED, JEWELGUIDE_EXPLORATION_SLOTS: " 4 " }).JEWELGUIDE_EXPLORATION_SLOTS).toBe(4);
  });

  it("refuses anything but 0–4, naming the variable", () => {
    for (const value of ["5", "-1", "1.5", "two", ""]) {
      expect(() => getEnv({ ...REQUIRED, JEWELGUIDE_EXPLORATION_SLOTS: value })).toThrow(
        /JEWELGUIDE_EXPLORATION_SLOTS must be a whole number from 0 \(exploration off\) to 4/,
      );
    }
  });
});
