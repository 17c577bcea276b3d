import { timingSafeEqual } from "node:crypto";
import { generateToken, hashToken } from "@gatehouse/core";

/** How long the browser keeps its flow secret: as long as a flow may take. */
export const BROWSER_BINDING_MAX_AGE_SECONDS = 10 * 60;

const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The secret this browser's flows are bound to. A browser that still holds one keeps it, so
 * sign-ins started in two tabs both stay completable; anything malformed is replaced.
 */
export function browserSecretFor(fromCookie: string | null | undefined): string {
  return fromCookie && SECRET_SHAPE.test(fromCookie) ? fromCookie : generateToken();
}

export function browserBindingHash(secret: string): string {
  return hashToken(secret);
}

/**
 * Does this callback come from the browser that started the flow? Without this, whoever opens a
 * finished callback URL would be signed in as the person who did the IdP step (login CSRF).
 */
export function isSameBrowser(flowBindingHash: string | null, browserSecret: string | null | undefined): boolean {
  if (!flowBindingHash || !browserSecret) return false;
  const expected = Buffer.from(flowBindingHash, "hex");
  const actual = Buffer.from(browserBindingHash(browserSecret), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
