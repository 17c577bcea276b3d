import type { NextRequest, NextResponse } from "next/server";
import { BROWSER_BINDING_MAX_AGE_SECONDS, hasOpenProviderFlows } from "@gatehouse/sso";
import { env } from "@/env";
import { ssoContext } from "./sso-context";

// The login-provider routes' own flow cookie (same design as sso-browser-binding.ts, scoped to
// /api/providers so the two kinds of flow never read each other's secret).
const COOKIE_PATH = "/api/providers";

function cookieName(): string {
  return env().APP_URL.startsWith("https://") ? "__Secure-gh_provider_flow" : "gh_provider_flow";
}

function setCookie(response: NextResponse, value: string, maxAge: number): NextResponse {
  const name = cookieName();
  response.cookies.set(name, value, { httpOnly: true, sameSite: "lax", path: COOKIE_PATH, secure: name.startsWith("__Secure-"), maxAge });
  return response;
}

export function readProviderBrowserSecret(request: NextRequest): string | null {
  return request.cookies.get(cookieName())?.value ?? null;
}

export function attachProviderBrowserSecret(response: NextResponse, secret: string): NextResponse {
  return setCookie(response, secret, BROWSER_BINDING_MAX_AGE_SECONDS);
}

/** After a callback: the cookie goes once no other provider sign-in of this browser still needs it. */
export async function releaseProviderBrowserSecret(response: NextResponse, secret: string | null): Promise<NextResponse> {
  if (!secret || (await hasOpenProviderFlows(ssoContext(), secret))) return response;
  return setCookie(response, "", 0);
}
