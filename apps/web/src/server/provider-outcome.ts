import type { NextRequest, NextResponse } from "next/server";
import type { ProviderOutcome } from "@gatehouse/sso";
import { attachSessionCookie } from "@/auth/session-cookie";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { flashTo } from "./flash";
import { rememberedDeviceOf } from "./mfa";
import { requestInfo, seeOther } from "./sso-outcome";

/** /login showing a provider refusal: only its code travels; the page shows our fixed text. */
export function providerRefusalLocation(code: string): string {
  return `/login?${new URLSearchParams({ providerError: code }).toString()}`;
}

/** Who sent a provider route's request, with the browser's remembered-device token for the MFA step. */
export function providerRequestInfo(request: NextRequest) {
  return { ...requestInfo(request), rememberedDeviceToken: rememberedDeviceOf(request) };
}

/** Turns the end of a login-provider round trip into the browser's next step. */
export async function respondToProviderOutcome(outcome: ProviderOutcome): Promise<NextResponse> {
  switch (outcome.kind) {
    case "signed_in": {
      const next = safeCallbackUrl(outcome.redirectTo, "/");
      // The session waits for the MFA step, which then sends the browser on to where it was going.
      const response = seeOther(outcome.mfaPending ? `/login/mfa?${new URLSearchParams({ callbackUrl: next }).toString()}` : next);
      await attachSessionCookie(response, outcome.sessionId);
      return response;
    }
    case "linked":
      return seeOther(await flashTo("/settings/account", { tone: "success", text: `${outcome.providerName} is now linked to your login.` }));
    case "verification_sent":
      return seeOther(`/login/check-email?${new URLSearchParams({ email: outcome.email }).toString()}`);
    case "confirm_link":
      return seeOther(`/login/link-provider?${new URLSearchParams({ token: outcome.token }).toString()}`);
    case "sso_required":
      // The reason is the enforcement's own sentence: it travels in the flash cookie, never the URL.
      return seeOther(await flashTo(`/login/sso-required/${outcome.accountSlug}`, { tone: "error", text: outcome.message }));
    case "refused":
      return seeOther(providerRefusalLocation(outcome.code));
  }
}
