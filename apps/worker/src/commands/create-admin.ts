import fs from "node:fs";
import { createDb, createStaffUser, MIN_PASSWORD_LENGTH, type StaffRole, StaffUserError } from "@jewelguide/db";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { readPassword } from "./read-password";

export const createAdminCommand = defineCommand({
  name: "create-admin",
  summary: "Create (or reset) a dashboard account; the password comes from stdin or a prompt, never a default.",
  help: `Creates a staff account for the merchandisers' dashboard, or resets the password and role of an existing one
(and ends its sessions). The password is read from --password-file, else from standard input (first line) when it is
not a terminal, else from a hidden prompt; at least ${MIN_PASSWORD_LENGTH} characters. Stored as an argon2id hash.
  echo "$ADMIN_PASSWORD" | npm run worker -- create-admin --email you@shop.example`,
  flags: {
    email: { type: "string", valueName: "E", description: "the account's e-mail address (required)" },
    role: { type: "string", valueName: "merchandiser|admin", description: "the role (default admin)" },
    "password-file": { type: "string", valueName: "PATH", description: "read the password from this file" },
  },
  async run({ flags, env, stdout }) {
    if (flags.email === undefined) throw new UsageError("--email E is required");
    const role = flags.role ?? "admin";
    if (role !== "admin" && role !== "merchandiser") {
      throw new UsageError(`--role must be merchandiser or admin, not ${JSON.stringify(role)}`);
    }
    const file = flags["password-file"];
    if (file !== undefined && !fs.existsSync(file)) throw new UsageError(`file not found: ${file}`);
    const password =
      file !== undefined ? (fs.readFileSync(file, "utf8").split(/\r?\n/)[0] ?? "") : await readPassword("password: ");
    const { db } = createDb(env.databaseUrl);
    try {
      const user = await createStaffUser(db, { email: flags.email, role: role satisfies StaffRole, password });
      stdout.write(`${user.created ? "created" : "updated"} ${user.role} ${user.email}\n`);
      return 0;
    } catch (error) {
      if (error instanceof StaffUserError) throw new UsageError(error.message);
      throw error;
    } finally {
      await db.$disconnect();
    }
  },
});
