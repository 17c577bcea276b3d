import type { NextRequest } from "next/server";
import { completeSamlCallback } from "@gatehouse/sso";
import { requestInfo, respondToOutcome } from "@/server/sso-outcome";
import { ssoContext } from "@/server/sso-context";

/** Jackson redirects here after the ACS with a code (or an error) and our state. */
export async function GET(request: NextRequest) {
  return respondToOutcome(await completeSamlCallback(ssoContext(), { url: request.nextUrl, request: requestInfo(request) }));
}
