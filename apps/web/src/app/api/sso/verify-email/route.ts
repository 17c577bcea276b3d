import type { NextRequest } from "next/server";
import { completeEmailVerification } from "@gatehouse/sso";
import { requestInfo, respondToOutcome } from "@/server/sso-outcome";
import { ssoContext } from "@/server/sso-context";

/** The link in an SSO verification email finishes the held sign-in. */
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  return respondToOutcome(await completeEmailVerification(ssoContext(), { token, request: requestInfo(request) }));
}
