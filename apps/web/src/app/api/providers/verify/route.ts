import type { NextRequest } from "next/server";
import { redeemProviderVerification } from "@gatehouse/sso";
import { providerRequestInfo, respondToProviderOutcome } from "@/server/provider-outcome";
import { ssoContext } from "@/server/sso-context";

/** The link in a provider sign-in's verification email: the held sign-in goes on, email proven. */
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  return respondToProviderOutcome(await redeemProviderVerification(ssoContext(), { token: token.slice(0, 100), request: providerRequestInfo(request) }));
}
