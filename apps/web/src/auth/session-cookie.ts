import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import type { NextResponse } from "next/server";
import { env } from "@/env";

const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The cookie next-auth uses; "__Secure-" only when the app is served over https, as next-auth does. */
export function sessionCookieName(): string {
  return env().APP_URL.startsWith("https://") ? "__Secure-authjs.session-token" : "authjs.session-token";
}

/**
 * Signs a browser in after an SSO round trip: the same encrypted next-auth JWT, carrying only the
 * server-side session id, that the password sign-in produces. One session design for every method.
 */
export async function attachSessionCookie(response: NextResponse, sessionId: string): Promise<void> {
  const name = sessionCookieName();
  const value = await encode({ token: { sid: sessionId }, secret: env().AUTH_SECRET, salt: name, maxAge: MAX_AGE_SECONDS });
  response.cookies.set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: MAX_AGE_SECONDS,
  });
}

/** The raw session id in this request's cookie (for sign-out and account switching), or null. */
export async function readSessionId(): Promise<string | null> {
  const name = sessionCookieName();
  const value = (await cookies()).get(name)?.value;
  if (!value) return null;
  const token = await decode({ token: value, secret: env().AUTH_SECRET, salt: name }).catch(() => null);
  return typeof token?.sid === "string" ? token.sid : null;
}
