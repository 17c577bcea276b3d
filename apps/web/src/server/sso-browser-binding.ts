import type { NextRequest, NextResponse } from "next/server";
import { cookies } from "next/headers";
import { BROWSER_BINDING_MAX_AGE_SECONDS, hasOpenFlows } from "@gatehouse/sso";
import { env } from "@/env";
import { ssoContext } from "./sso-context";

// Two cookies hold the same secret. The flow cookie (SameSite=Lax) comes with our callbacks, which
// are top-level GETs. The ACS cookie (SameSite=None, so Secure) comes with the IdP's cross-site
// POST to the ACS, which can then finish a SAML sign-in in one request; a browser that drops it
// (plain http other than localhost) finishes through the callback instead.
const FLOW_COOKIE_PATH = "/api/sso";
const ACS_COOKIE_PATH = "/api/oauth/saml";

/** "__Host-" needs Path=/, so over https the cookies take "__Secure-" (https only, no Domain). */
function overHttps(): boolean {
  return env().APP_URL.startsWith("https://");
}

function flowCookieName(): string {
  return overHttps() ? "__Secure-gh_sso_flow" : "gh_sso_flow";
}

function acsCookieName(): string {
  return overHttps() ? "__Secure-gh_sso_acs" : "gh_sso_acs";
}

type CookieOptions = { httpOnly: boolean; sameSite: "lax" | "none"; path: string; secure: boolean; maxAge: number };
type CookieJar = { set(name: string, value: string, options: CookieOptions): unknown };

/** Sets (or, with maxAge 0, clears) both cookies of the browser's flow secret. */
function writeSecretCookies(jar: CookieJar, secret: string, maxAge: number): void {
  jar.set(flowCookieName(), secret, { httpOnly: true, sameSite: "lax", path: FLOW_COOKIE_PATH, secure: overHttps(), maxAge });
  jar.set(acsCookieName(), secret, { httpOnly: true, sameSite: "none", path: ACS_COOKIE_PATH, secure: true, maxAge });
}

/** The secret this browser's SSO flows are bound to, if it holds one (from the callback's cookie). */
export function readBrowserSecret(request: NextRequest): string | null {
  return request.cookies.get(flowCookieName())?.value ?? null;
}

/** The same secret as the ACS's own cookie brings it to the ACS. */
export function readAcsBrowserSecret(request: NextRequest): string | null {
  return request.cookies.get(acsCookieName())?.value ?? null;
}

/** Hands the browser the secret its new flow is bound to (renewing its 10 minutes). */
export function attachBrowserSecret(response: NextResponse, secret: string): NextResponse {
  writeSecretCookies(response.cookies, secret, BROWSER_BINDING_MAX_AGE_SECONDS);
  return response;
}

/**
 * After a flow ends: the cookies go once no other sign-in of this browser (another tab) still
 * needs them. Takes the response while it is still being made, to ask about open flows meanwhile.
 */
export async function releaseBrowserSecret(pending: Promise<NextResponse>, secret: string | null): Promise<NextResponse> {
  const [response, stillNeeded] = await Promise.all([pending, secret ? hasOpenFlows(ssoContext(), secret) : true]);
  if (!stillNeeded) writeSecretCookies(response.cookies, "", 0);
  return response;
}

/** The same secret, read from a server action or page (next/headers). */
export async function readBrowserSecretFromCookies(): Promise<string | null> {
  return (await cookies()).get(flowCookieName())?.value ?? null;
}

/** The same cookies, set from a server action (one that starts a flow itself). */
export async function setBrowserSecretCookie(secret: string): Promise<void> {
  writeSecretCookies(await cookies(), secret, BROWSER_BINDING_MAX_AGE_SECONDS);
}
