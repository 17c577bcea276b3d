import { randomBytes } from "node:crypto";
import { hashToken } from "../tokens";

export const RECOVERY_CODE_COUNT = 10;
// Lower-case letters and digits without look-alikes (0/o, 1/l/i), so codes read back from paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like "k7pq2-xm4rt" (50 bits each): shown once, stored only as hashes. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What a person may type for a code: any case, spaces or without the dash. */
export function normaliseRecoveryCode(typed: string): string | null {
  const bare = typed.toLowerCase().replace(/[\s-]+/g, "");
  if (bare.length !== 10 || [...bare].some((c) => !ALPHABET.includes(c))) return null;
  return `${bare.slice(0, 5)}-${bare.slice(5)}`;
}

// 50 random bits per code make a fast hash enough: there is nothing to guess a dictionary from.
export const hashRecoveryCode = (code: string): string => hashToken(`recovery:${code}`);
