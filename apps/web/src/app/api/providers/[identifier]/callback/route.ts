import type { NextRequest } from "next/server";
import { completeProviderCallback } from "@gatehouse/sso";
import { getCurrentSession } from "@/auth/session";
import { readProviderBrowserSecret, releaseProviderBrowserSecret } from "@/server/provider-browser-binding";
import { providerRequestInfo, respondToProviderOutcome } from "@/server/provider-outcome";
import { ssoContext } from "@/server/sso-context";

/** A provider's redirect URI: the state names the flow, the flow cookie proves the browser. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ identifier: string }> }) {
  const { identifier } = await params;
  const browserSecret = readProviderBrowserSecret(request);
  const outcome = await completeProviderCallback(ssoContext(), {
    identifier: identifier.slice(0, 64),
    url: request.nextUrl,
    browserSecret,
    request: providerRequestInfo(request),
    signedInUserId: (await getCurrentSession())?.user.id ?? null,
  });
  return releaseProviderBrowserSecret(await respondToProviderOutcome(outcome), browserSecret);
}
