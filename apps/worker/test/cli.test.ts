import { describe, expect, it } from "vitest";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

describe("worker CLI", () => {
  it("lists the commands with --help", async () => {
    const result = await ws.cli("--help");
    expect(result.code).toBe(0);
    for (const name of [
      "migrate",
      "import rees46",
      "import images",
      "import newchic",
      "import catalog",
      "import events",
      "import users",
      "demo",
    ]) {
      expect(result.stdout).toContain(`  ${name}`);
    }
  });

  it("documents a command's flags with <command> --help", async () => {
    const result = await ws.cli("import", "rees46", "--help");
    expect(result.code).toBe(0);
    for (const flag of [
      "--file <PATH>",
      "--on-error <skip|stop>",
      "--max-errors <N>",
      "--rejects <PATH>",
      "--batch-size <N>",
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });

  it("exits 2 naming an unknown command, source or flag", async () => {
    expect(await ws.cli("frobnicate")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "frobnicate"'),
    });
    expect(await ws.cli("import", "bogus")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown import source "bogus"'),
    });
    expect(await ws.cli("import", "rees46", "--fiel", "x")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--fiel'"),
    });
    expect(await ws.cli("import", "rees46", "--on-error", "maybe")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--on-error must be skip or stop, not "maybe"'),
    });
  });

  it("exits 2 naming a missing input file", async () => {
    const result = await ws.cli("import", "rees46", "--file", "/no/such/file.csv");
    expect(result).toMatchObject({ code: 2, stderr: "error: file not found: /no/such/file.csv\n" });
  });

  it("migrate reports an up-to-date database", async () => {
    const result = await ws.cli("migrate");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("up to date");
  });
});
