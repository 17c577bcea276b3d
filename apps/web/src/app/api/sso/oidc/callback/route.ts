import type { NextRequest } from "next/server";
import { completeOidcCallback } from "@gatehouse/sso";
import { readBrowserSecret, releaseBrowserSecret } from "@/server/sso-browser-binding";
import { requestInfo, respondToOutcome } from "@/server/sso-outcome";
import { ssoContext } from "@/server/sso-context";

/** The one OIDC redirect URI for every account: the state names the flow, the flow cookie proves the browser. */
export async function GET(request: NextRequest) {
  const browserSecret = readBrowserSecret(request);
  const outcome = await completeOidcCallback(ssoContext(), { url: request.nextUrl, request: requestInfo(request), browserSecret });
  return releaseBrowserSecret(respondToOutcome(outcome), browserSecret);
}
