import type { NextRequest, NextResponse } from "next/server";
import { cookies } from "next/headers";
import { BROWSER_BINDING_MAX_AGE_SECONDS, hasOpenFlows } from "@gatehouse/sso";
import { env } from "@/env";
import { ssoContext } from "./sso-context";

// Only our SSO routes read it; the SAML ACS (/api/oauth/saml) is a cross-site POST that would not
// carry a SameSite=Lax cookie anyway, so the binding is checked at /api/sso/saml/callback.
const COOKIE_PATH = "/api/sso";

/** "__Host-" needs Path=/, so over https the cookie takes "__Secure-" (https only, no Domain). */
function cookieName(): string {
  return env().APP_URL.startsWith("https://") ? "__Secure-gh_sso_flow" : "gh_sso_flow";
}

/** The secret this browser's SSO flows are bound to, if it holds one. */
export function readBrowserSecret(request: NextRequest): string | null {
  return request.cookies.get(cookieName())?.value ?? null;
}

/** Hands the browser the secret its new flow is bound to (renewing its 10 minutes). */
export function attachBrowserSecret(response: NextResponse, secret: string): NextResponse {
  const name = cookieName();
  response.cookies.set(name, secret, {
    httpOnly: true,
    sameSite: "lax",
    path: COOKIE_PATH,
    secure: name.startsWith("__Secure-"),
    maxAge: BROWSER_BINDING_MAX_AGE_SECONDS,
  });
  return response;
}

/**
 * After a callback: the cookie goes once no other sign-in of this browser (another tab) still
 * needs it. Takes the response while it is still being made, to ask about open flows meanwhile.
 */
export async function releaseBrowserSecret(pending: Promise<NextResponse>, secret: string | null): Promise<NextResponse> {
  const [response, stillNeeded] = await Promise.all([pending, secret ? hasOpenFlows(ssoContext(), secret) : true]);
  if (stillNeeded) return response;
  const name = cookieName();
  response.cookies.set(name, "", { httpOnly: true, sameSite: "lax", path: COOKIE_PATH, secure: name.startsWith("__Secure-"), maxAge: 0 });
  return response;
}

/** The same secret, read from a server action or page (next/headers). */
export async function readBrowserSecretFromCookies(): Promise<string | null> {
  return (await cookies()).get(cookieName())?.value ?? null;
}

/** The same cookie, set from a server action (one that starts a flow itself). */
export async function setBrowserSecretCookie(secret: string): Promise<void> {
  const name = cookieName();
  (await cookies()).set(name, secret, {
    httpOnly: true,
    sameSite: "lax",
    path: COOKIE_PATH,
    secure: name.startsWith("__Secure-"),
    maxAge: BROWSER_BINDING_MAX_AGE_SECONDS,
  });
}
