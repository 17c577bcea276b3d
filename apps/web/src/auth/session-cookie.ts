import { cookies } from "next/headers";
import type { NextResponse } from "next/server";
import { env } from "@/env";
import { sessionIdFromToken, sessionTokenFor } from "./session-token";

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
  const value = await sessionTokenFor(sessionId, env().AUTH_SECRET, name, MAX_AGE_SECONDS);
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
  // The request's cookies first: that makes the page dynamic before anything reads the environment.
  const jar = await cookies();
  const name = sessionCookieName();
  const value = jar.get(name)?.value;
  if (!value) return null;
  return sessionIdFromToken(value, env().AUTH_SECRET, name);
}
