import { createHash, randomBytes } from "node:crypto";

/** A URL-safe random secret (256 bits) for links and session ids. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as SHA-256, so a database leak does not yield working links or sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
