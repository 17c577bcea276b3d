import { NextResponse } from "next/server";
import type { FlowOutcome } from "@gatehouse/sso";
import { carrySessionGrants, carrySessionGrantsFrom, notifySetupLinkReady } from "@gatehouse/core";
import { attachSessionCookie, readSessionId } from "@/auth/session-cookie";
import { coreContext, db } from "./context";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { ssoRefusalCode } from "@/lib/sso-refusals";
import { ipFromHeaders } from "./request";
import { rememberSsoChoice } from "./last-sso-choice";

/** Relative redirects: the browser may know this host as localhost or 127.0.0.1. */
export function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location } });
}

export function requestInfo(request: Request) {
  return { ip: ipFromHeaders(request.headers), userAgent: request.headers.get("user-agent") };
}

/**
 * /sso/error for this refusal. Only a code goes into the URL, and the page shows the fixed text
 * for it (issue #12); `advice` is kept for callers and the page's text for the code replaces it.
 */
export function refusalLocation(message: string, _advice?: string, code?: string): string {
  return `/sso/error?${new URLSearchParams({ code: ssoRefusalCode(message, code) }).toString()}`;
}

/**
 * Turns the end of an SSO round trip into the browser's next step. `startingSession` is given when
 * the SAML ACS finished it: that cross-site POST carries no session cookie, so the session the
 * flow's browser held at its start is named by the flow (null: none).
 */
export async function respondToOutcome(outcome: FlowOutcome, startingSession?: { idHash: string | null }): Promise<NextResponse> {
  switch (outcome.kind) {
    case "signed_in": {
      const response = seeOther(safeCallbackUrl(outcome.redirectTo, "/"));
      // Signing in to a second account in the same browser keeps the first one's proof.
      if (startingSession) {
        if (startingSession.idHash) await carrySessionGrantsFrom(db(), startingSession.idHash, outcome.sessionId);
      } else {
        const previous = await readSessionId();
        if (previous) await carrySessionGrants(db(), previous, outcome.sessionId);
      }
      await attachSessionCookie(response, outcome.sessionId);
      if (outcome.email && outcome.connectionId) rememberSsoChoice(response, { email: outcome.email, connectionId: outcome.connectionId });
      return response;
    }
    case "verification_sent":
      return seeOther(`/sso/check-email?${new URLSearchParams({ email: outcome.email }).toString()}`);
    case "refused":
      return seeOther(refusalLocation(outcome.message, outcome.advice, outcome.code));
    case "result_recorded":
      if (outcome.setupLinkId) {
        // The recipient's Authenticate passed: the admin who sent the link hears it is ready (once per link).
        if (outcome.ok)
          await notifySetupLinkReady(coreContext(), {
            linkId: outcome.setupLinkId,
            connectionId: outcome.connectionId,
            connectionName: outcome.connectionName,
          });
        return seeOther(`/setup/${outcome.connectionId}?authenticated=${outcome.ok ? 1 : 0}`);
      }
      return outcome.purpose === "authenticate"
        ? seeOther(`/settings/security/${outcome.connectionId}?authenticated=${outcome.ok ? 1 : 0}`)
        : seeOther(`/sso/test-complete?ok=${outcome.ok ? 1 : 0}`);
  }
}
