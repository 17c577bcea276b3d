import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { loadMfaChallenge, REMEMBER_DEVICE_DAYS, type MfaChallenge, type MfaCodeError, type MfaContext } from "@gatehouse/core";
import { readSessionId } from "@/auth/session-cookie";
import { env } from "@/env";
import { coreContext } from "./context";

const DEVICE_COOKIE = "gatehouse.mfa-device";

export function mfaContext(): MfaContext {
  return { ...coreContext(), encryptionKey: env().ENCRYPTION_KEY };
}

/** The MFA step this browser's session is waiting for, or null (none, or a full session). */
export async function currentMfaChallenge(): Promise<(MfaChallenge & { rawSessionId: string }) | null> {
  const rawSessionId = await readSessionId();
  const challenge = rawSessionId ? await loadMfaChallenge(coreContext(), rawSessionId) : null;
  return challenge && rawSessionId ? { ...challenge, rawSessionId } : null;
}

/** The "remember this device" token this browser holds, if any (checked against the user later). */
export async function readRememberedDevice(): Promise<string | null> {
  return (await cookies()).get(DEVICE_COOKIE)?.value ?? null;
}

/** The same token, read from a route handler's request. */
export function rememberedDeviceOf(request: NextRequest): string | null {
  return request.cookies.get(DEVICE_COOKIE)?.value ?? null;
}

export async function rememberThisDevice(token: string): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().APP_URL.startsWith("https://"),
    maxAge: REMEMBER_DEVICE_DAYS * 86_400,
  });
}

/** What to tell a person whose code was not accepted. */
export function mfaCodeErrorMessage(error: MfaCodeError | { code: "no_challenge" | "required" }): string {
  switch (error.code) {
    case "rate_limited":
      return `Too many wrong codes. Try again in ${error.retryAfterMinutes} minute${error.retryAfterMinutes === 1 ? "" : "s"}, or use a recovery code later.`;
    case "replayed":
      return "That code was already used. Wait for your app to show the next one, then enter it.";
    case "malformed":
      return "Enter the 6-digit code your authenticator app shows.";
    case "wrong_recovery_code":
      return "That recovery code doesn't match an unused one. Check it, or use another of your codes.";
    case "no_mfa":
      return "You have no authenticator app set up.";
    case "no_challenge":
      return "Your sign-in has expired. Sign in again.";
    case "required":
      return "One of your accounts requires MFA, so it cannot be removed. Regenerate your recovery codes, or ask an admin to reset it if you lose your device.";
    default:
      return "That code doesn't match. Enter the code your app shows now (check your phone's clock if it keeps failing).";
  }
}
