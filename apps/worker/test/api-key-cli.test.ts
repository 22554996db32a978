import { findApiKey, hashApiKeySecret, listAuditEntries } from "@jewelguide/db";
import { describe, expect, it } from "vitest";
import { useFreshWorkspace } from "./helpers/temp-workspace";

const ws = useFreshWorkspace();

describe("api-key create, list and revoke", () => {
  it("shows a key once, stores only its hash, lists it, revokes it, and audits both changes", async () => {
    const created = await ws.cli("api-key", "create", "--name", "shop-backend", "--scope", "write");
    expect(created.code).toBe(0);
    const secret = created.stdout.trim().split("\n").at(-1) ?? "";
    expect(secret).toMatch(/^jg_[A-Za-z0-9_-]{43}$/);
    const [row] = await ws.db.apiKey.findMany();
    expect(row).toMatchObject({ id: 1, name: "shop-backend", scope: "write", keyHash: hashApiKeySecret(secret) });
    expect(JSON.stringify(row)).not.toContain(secret.slice(10));
    expect(await findApiKey(ws.db, secret)).toEqual({ ok: true, key: { id: 1, name: "shop-backend", scope: "write" } });
    expect(await findApiKey(ws.db, `${secret.slice(0, -1)}x`)).toEqual({ ok: false, reason: "unknown" });

    const listed = await ws.cli("api-key", "list");
    expect(listed.stdout).toMatch(/^id\s+name\s+scope\s+key/);
    expect(listed.stdout).toContain(`${secret.slice(0, 9)}…`);
    expect(listed.stdout).not.toContain(secret);

    expect(await ws.cli("api-key", "revoke", "1")).toMatchObject({ code: 0, stdout: "revoked API key 1\n" });
    expect(await findApiKey(ws.db, secret)).toEqual({ ok: false, reason: "revoked" });
    const again = await ws.cli("api-key", "revoke", "1");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already revoked");
    expect((await ws.cli("api-key", "revoke", "9")).stderr).toContain("there is no API key 9");

    const entries = await listAuditEntries(ws.db, { limit: 10 });
    expect(entries.map((entry) => [entry.action, entry.actorRole, entry.details])).toEqual([
      ["api-key-revoke", "operator", { apiKeyId: 1, name: "shop-backend", scope: "write" }],
      ["api-key-create", "operator", { apiKeyId: 1, name: "shop-backend", scope: "write" }],
    ]);
  });

  it("refuses a missing name or an unknown scope", async () => {
    expect((await ws.cli("api-key", "create", "--scope", "read")).stderr).toContain("--name NAME is required");
    expect((await ws.cli("api-key", "create", "--name", "x", "--scope", "admin")).stderr).toContain(
      "--scope must be read or write",
    );
    expect(await ws.db.apiKey.count()).toBe(0);
  });
});
