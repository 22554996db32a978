import { hash } from "@node-rs/argon2";

// Algorithm.Argon2id (an ambient const enum, which isolatedModules cannot read).
const ARGON2ID = 2;

/** argon2id with OWASP's recommended cost (19 MiB, 2 passes); returns the PHC string (salt and parameters inside). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}
