import type { NextRequest } from "next/server";
import { confirmProviderLink } from "@gatehouse/sso";
import { providerRequestInfo, respondToProviderOutcome } from "@/server/provider-outcome";
import { ssoContext } from "@/server/sso-context";

/** "Yes, link it": the confirmation screen's form post. */
export async function POST(request: NextRequest) {
  const token = (await request.formData()).get("token");
  return respondToProviderOutcome(
    await confirmProviderLink(ssoContext(), { token: typeof token === "string" ? token.slice(0, 100) : "", request: providerRequestInfo(request) }),
  );
}
