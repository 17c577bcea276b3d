import { hash, verify } from "@node-rs/argon2";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./limits";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

// Algorithm.Argon2id is an ambient const enum (unusable with verbatimModuleSyntax); its value is 2.
// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane): ~40 ms per hash on these machines.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same time as a real check, so an unknown email cannot be told apart from a wrong
 * password by how long the answer takes.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("gatehouse-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}

/** The rules for a new password, as sentences a person can act on. */
export function checkNewPassword(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}
