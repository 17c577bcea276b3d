import type { NextRequest } from "next/server";
import { decideSessionSwap } from "@gatehouse/core";
import { completeEmailVerification, peekSignInVerification } from "@gatehouse/sso";
import { getCurrentSession } from "@/auth/session";
import { requestInfo, respondToOutcome, seeOther } from "@/server/sso-outcome";
import { ssoContext } from "@/server/sso-context";

/**
 * The link in an SSO verification email finishes the held sign-in. When someone else is signed in
 * in this browser, it first asks whether to continue as the email's owner (/sso/confirm-email).
 */
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  return finish(request, token, false);
}

/** "Continue as …" on /sso/confirm-email. */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const token = form?.get("token");
  return finish(request, typeof token === "string" ? token : "", form?.get("confirm") === "1");
}

async function finish(request: NextRequest, token: string, confirmed: boolean) {
  const held = token ? await peekSignInVerification(ssoContext(), token) : null;
  if (held) {
    const session = await getCurrentSession();
    const decision = decideSessionSwap({ signedInEmail: session?.user.email ?? null, incomingEmail: held.email, confirmed });
    if (decision.kind === "ask") return seeOther(`/sso/confirm-email?${new URLSearchParams({ token }).toString()}`);
  }
  return respondToOutcome(await completeEmailVerification(ssoContext(), { token, request: requestInfo(request) }));
}
