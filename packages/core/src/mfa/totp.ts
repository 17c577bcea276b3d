import { Secret, TOTP } from "otpauth";

// RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30-second steps.
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side of now (RFC 6238 §5.2 allows for clock drift and typing time). */
const WINDOW_STEPS = 1;
export const TOTP_ISSUER = "Gatehouse";

/** A fresh 160-bit TOTP secret (RFC 4226 §4 recommends 160 bits), base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secretBase32: string, label = ""): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: "SHA1", digits: DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secretBase32: string, accountLabel: string): string {
  return totpOf(secretBase32, accountLabel).toString();
}

/** The manual key in groups of four, as apps show and people type it. */
export function formatManualKey(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, "$1 ");
}

export type TotpCheck = { accepted: true; step: number } | { accepted: false; reason: "malformed" | "wrong_code" | "replayed" };

/**
 * Decides whether a typed code is good now: it must match a step within one of now, and be later
 * than the last accepted step, so a code (or an older one seen over a shoulder) works only once.
 */
export function checkTotpCode(input: { secretBase32: string; code: string; now: Date; lastUsedStep: number | null }): TotpCheck {
  const code = input.code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return { accepted: false, reason: "malformed" };
  const timestamp = input.now.getTime();
  const delta = totpOf(input.secretBase32).validate({ token: code, timestamp, window: WINDOW_STEPS });
  if (delta === null) return { accepted: false, reason: "wrong_code" };
  const step = TOTP.counter({ period: PERIOD_SECONDS, timestamp }) + delta;
  if (input.lastUsedStep !== null && step <= input.lastUsedStep) return { accepted: false, reason: "replayed" };
  return { accepted: true, step };
}

/** The code an app shows at `now` (tests and the sandbox use it; the server never shows codes). */
export function totpCodeAt(secretBase32: string, now: Date): string {
  return totpOf(secretBase32).generate({ timestamp: now.getTime() });
}
