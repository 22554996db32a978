import os from "node:os";
import { listAuditEntries, saveCandidateVersion, verifyPassword } from "@jewelguide/db";
import { describe, expect, it } from "vitest";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

const save = (recall: number, kind = "ease") =>
  saveCandidateVersion(ws.db, {
    kind,
    params: {},
    metrics: { validation: { "recall@20": recall, "ndcg@20": recall / 2 }, test: { "recall@20": recall } },
    dataSnapshot: {},
    artifact: new Uint8Array([1, 2]),
  });

const activeId = async () =>
  (await ws.db.modelVersion.findMany({ where: { status: "active" }, select: { id: true } })).map((v) => v.id);

describe("publish, rollback and versions commands", () => {
  it("publishes through the gates, refuses a worse candidate unless forced, rolls back", async () => {
    const first = await save(0.3);
    const worse = await save(0.2);
    expect(await ws.cli("publish", "--version", String(first.id))).toMatchObject({ code: 0 });
    const refused = await ws.cli("publish", "--version", String(worse.id));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("gate: validation recall@20 0.2000 is more than 0.02 below");
    expect(await activeId()).toEqual([first.id]);
    expect((await ws.cli("publish", "--version", String(worse.id), "--max-drop", "0.2")).code).toBe(0);
    expect(await activeId()).toEqual([worse.id]);
    expect(await ws.cli("rollback")).toMatchObject({
      code: 0,
      stdout: `rolled back to version ${first.id} (retired ${worse.id})\n`,
    });
    expect(await activeId()).toEqual([first.id]);
    // A rollback passes the same gates: worse is more than 0.02 below the active first.
    const refusedRollback = await ws.cli("rollback", "--to", String(worse.id));
    expect(refusedRollback).toMatchObject({ code: 1, stdout: "" });
    expect(refusedRollback.stderr).toContain("gate: validation recall@20 0.2000 is more than 0.02 below");
    expect(refusedRollback.stderr).toContain(`not rolled back to version ${worse.id}: gates failed (use --force`);
    expect(await activeId()).toEqual([first.id]);
    expect(await ws.cli("rollback", "--to", String(worse.id), "--force")).toMatchObject({
      code: 0,
      stdout: `rolled back to version ${worse.id} (retired ${first.id}) despite failed gates (--force)\n`,
    });
    expect(await activeId()).toEqual([worse.id]);
    const forced = await save(Number.NaN);
    expect((await ws.cli("publish", "--version", String(forced.id))).code).toBe(1);
    expect((await ws.cli("publish", "--version", String(forced.id), "--force")).stdout).toContain("--force");
    const table = await ws.cli("versions");
    expect(table.stdout).toMatch(/^id\s+status\s+kind\s+val R@20/);
    expect(table.stdout).toContain("0.3000");
  });

  it("records every change with the worker's actor, and lists it with audit-log", async () => {
    const first = await save(0.3);
    const second = await save(0.31);
    const weak = await save(0.1);
    expect((await ws.cli("audit-log")).stdout).toBe("no audit entries yet\n");
    expect((await ws.cli("publish", "--version", String(first.id))).code).toBe(0);
    expect((await ws.cli("publish", "--version", String(second.id))).code).toBe(0);
    expect((await ws.cli("publish", "--version", String(weak.id))).code).toBe(1);
    expect((await ws.cli("rollback")).code).toBe(0);
    expect((await ws.cli("rollback", "--to", String(weak.id), "--force")).code).toBe(0);
    const actor = `worker:${os.userInfo().username}@${os.hostname()}`;
    const entries = await listAuditEntries(ws.db);
    expect(entries.map((e) => [e.action, e.fromVersionId, e.toVersionId, e.forced, e.actor, e.actorRole])).toEqual([
      ["rollback", first.id, weak.id, true, actor, "operator"],
      ["rollback", second.id, first.id, false, actor, "operator"],
      ["publish", first.id, second.id, false, actor, "operator"],
      ["publish", null, first.id, false, actor, "operator"],
    ]);
    const table = await ws.cli("audit-log", "--limit", "2");
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+at \(UTC\)\s+actor\s+role\s+action\s+version\s+forced\s+details$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`${actor}\\s+operator\\s+rollback\\s+${first.id} → ${weak.id}\\s+forced\\s+{`));
    expect(lines[2]).toMatch(new RegExp(`rollback\\s+${second.id} → ${first.id}\\s+{"maxDrop":0.02}$`));
    const json = JSON.parse((await ws.cli("audit-log", "--json", "--limit", "1")).stdout);
    expect(json).toEqual([expect.objectContaining({ action: "rollback", actor, forced: true, toVersionId: weak.id })]);
    expect(json[0].details.overriddenGates[0]).toMatch(/recall@20 0\.1000 is more than 0\.02 below/);
    expect(await ws.cli("audit-log", "--limit", "0")).toMatchObject({
      code: 2,
      stderr: 'error: --limit must be a positive integer, not "0"\n',
    });
    expect(await ws.cli("audit-log", "--limit", "5000")).toMatchObject({
      code: 2,
      stderr: "error: --limit must be at most 1000, not 5000\n",
    });
    expect((await ws.cli("--help")).stdout).toContain("audit-log");
  });

  it("names a bad or missing flag and an unknown version", async () => {
    expect(await ws.cli("publish")).toMatchObject({ code: 2, stderr: "error: --version N is required\n" });
    expect(await ws.cli("publish", "--version", "x")).toMatchObject({
      code: 2,
      stderr: 'error: --version must be a positive integer, not "x"\n',
    });
    expect(await ws.cli("publish", "--version", "1", "--max-drop", "-1")).toMatchObject({ code: 2 });
    expect(await ws.cli("publish", "--version", "42")).toMatchObject({
      code: 2,
      stderr: "error: model version 42 does not exist\n",
    });
    expect(await ws.cli("rollback")).toMatchObject({
      code: 2,
      stderr: "error: there is no earlier active version to roll back to\n",
    });
    expect((await ws.cli("publish", "--help")).stdout).toContain("--max-drop <X>");
  });
});

describe("create-admin", () => {
  it("stores an argon2id hash, never the password, and refuses short passwords", async () => {
    const file = ws.write("pw.txt", "correct horse battery\n");
    const result = await ws.cli("create-admin", "--email", "Boss@Shop.example", "--password-file", file);
    expect(result).toMatchObject({ code: 0, stdout: "created admin boss@shop.example\n" });
    const user = await ws.db.staffUser.findUniqueOrThrow({ where: { email: "boss@shop.example" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword(user.passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(user.passwordHash, "wrong")).toBe(false);
    const short = ws.write("short.txt", "short\n");
    expect(await ws.cli("create-admin", "--email", "a@b.c", "--password-file", short)).toMatchObject({
      code: 2,
      stderr: "error: the password must have at least 12 characters\n",
    });
    expect(await ws.cli("create-admin", "--email", "a@b.c", "--password-file", "/no/such")).toMatchObject({
      code: 2,
      stderr: "error: file not found: /no/such\n",
    });
    expect(await ws.cli("create-admin", "--email", "a@b.c", "--role", "owner", "--password-file", file)).toMatchObject({
      code: 2,
    });
  });
});
