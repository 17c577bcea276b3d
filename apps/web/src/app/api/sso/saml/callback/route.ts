import type { NextRequest } from "next/server";
import { completeSamlCallback } from "@gatehouse/sso";
import { readBrowserSecret, releaseBrowserSecret } from "@/server/sso-browser-binding";
import { requestInfo, respondToOutcome } from "@/server/sso-outcome";
import { ssoContext } from "@/server/sso-context";

/**
 * Jackson redirects here after the ACS with a code (or an error) and our state. This is a
 * top-level GET, so the SameSite=Lax flow cookie comes with it and proves the browser.
 */
export async function GET(request: NextRequest) {
  const browserSecret = readBrowserSecret(request);
  const outcome = await completeSamlCallback(ssoContext(), { url: request.nextUrl, request: requestInfo(request), browserSecret });
  return releaseBrowserSecret(respondToOutcome(outcome), browserSecret);
}
