import type { NextRequest } from "next/server";
import { completeOidcCallback } from "@gatehouse/sso";
import { requestInfo, respondToOutcome } from "@/server/sso-outcome";
import { ssoContext } from "@/server/sso-context";

/** The one OIDC redirect URI for every account: the state names the flow and the connection. */
export async function GET(request: NextRequest) {
  return respondToOutcome(await completeOidcCallback(ssoContext(), { url: request.nextUrl, request: requestInfo(request) }));
}
