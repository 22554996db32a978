import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { MIN_SECRET_LENGTH } from "./server-secrets";

export const SECRET_FILE_NAME = "server-secret";

/**
 * The shop's master secret: `JEWELGUIDE_SECRET` when set (every host of a multi-host shop sets the same value),
 * otherwise `<data folder>/server-secret`, generated once (48 random bytes, mode 0600) by whichever process starts
 * first — created exclusively, so two processes starting together still agree on one secret. Never committed: the data
 * folder is ignored by git.
 */
export function loadServerSecret(options: { envSecret: string | undefined; dataDir: string }): string {
  const fromEnv = options.envSecret?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      throw new Error(`JEWELGUIDE_SECRET must be at least ${MIN_SECRET_LENGTH} characters (got ${fromEnv.length})`);
    }
    return fromEnv;
  }
  const file = path.join(options.dataDir, SECRET_FILE_NAME);
  fs.mkdirSync(options.dataDir, { recursive: true });
  try {
    const fresh = crypto.randomBytes(48).toString("base64url");
    fs.writeFileSync(file, `${fresh}\n`, { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // Another process created it: wait for its content (written right after the exclusive create).
  for (let attempt = 0; attempt < 50; attempt++) {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= MIN_SECRET_LENGTH) return existing;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  throw new Error(`${file} holds no usable secret (at least ${MIN_SECRET_LENGTH} characters): remove it to regenerate`);
}
