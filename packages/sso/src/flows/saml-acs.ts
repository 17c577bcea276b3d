import { lt, samlSeenIds, type SsoConnection } from "@gatehouse/db";
import { explainSsoError, recordAuditEvent } from "@gatehouse/core";
import { ssoUrls, type SsoContext } from "../context";
import { findConnectionByIssuer } from "../connections/find-connection-by-issuer";
import { getJackson } from "../jackson";
import { recordObservations } from "./flow-state";
import { checkSamlTimeWindow, readSamlResponse, type SamlResponseFacts } from "./read-saml-response";

// Jackson's RelayState for responses to requests it made; anything else is unsolicited.
const JACKSON_RELAY_PREFIX = "boxyhq_jackson_";

export type AcsOutcome =
  | { kind: "redirect"; url: string }
  /** An IdP-initiated response for a connection that allows it: start an SP-initiated sign-in. */
  | { kind: "restart"; connection: SsoConnection; relayState: string | null }
  | { kind: "error"; message: string; advice: string };

/**
 * The SAML ACS. Solicited responses go to Jackson (signature, audience, destination, InResponseTo
 * bound to a one-time session), then through our replay and clock checks. Unsolicited ones are
 * never trusted: a connection that allows IdP-initiated sign-in gets a fresh SP-initiated one.
 */
export async function handleSamlAcs(ctx: SsoContext, input: { samlResponse: string; relayState: string | null }, now = new Date()): Promise<AcsOutcome> {
  const facts = readSamlResponse(input.samlResponse);
  if (!facts) return { kind: "error", message: "This is not a SAML response we can read.", advice: "Start the sign-in again from the Gatehouse login page." };
  const connection = await findConnectionByIssuer(ctx, facts.issuer);

  if (!input.relayState?.startsWith(JACKSON_RELAY_PREFIX)) {
    if (!connection) return { kind: "error", message: `No connection here uses the identity provider ${facts.issuer ?? "(no issuer)"}.`, advice: "Check the IdP entity ID in the account's SSO settings." };
    // Only a connection members sign in with, proven by Authenticate, may be restarted from the IdP.
    if (!connection.idpInitiatedEnabled || !connection.enabled || !connection.verifiedAt) {
      await recordAuditEvent(ctx.db, { accountId: connection.accountId, actor: { userId: null, label: facts.issuer ?? "IdP", ip: null }, action: "sign_in.sso.refused", target: { type: "sso_connection", id: connection.id, label: connection.name }, metadata: { reason: "idp_initiated_disabled" } });
      return { kind: "error", message: "Sign-in from your identity provider's dashboard is switched off for this connection.", advice: "Start from the Gatehouse login page instead, or ask your admin to allow IdP-initiated sign-in." };
    }
    return { kind: "restart", connection, relayState: input.relayState };
  }

  const jackson = await getJackson(ctx);
  let redirectUrl: string;
  try {
    const result = await jackson.oauthController.samlResponse({ SAMLResponse: input.samlResponse, RelayState: input.relayState });
    if (!result.redirect_url) return refuseAtAcs(ctx, connection, result.error ?? "no redirect");
    redirectUrl = result.redirect_url;
  } catch (error) {
    // Jackson throws (rather than redirecting) when the response matches no sign-in it started.
    return refuseAtAcs(ctx, connection, error instanceof Error ? error.message : String(error));
  }
  const callback = new URL(redirectUrl);
  const state = callback.searchParams.get("state");
  if (!callback.searchParams.get("code") || !state) return { kind: "redirect", url: redirectUrl };

  const problem = (connection && checkSamlTimeWindow(facts, now, connection.clockSkewSeconds)) || (await rememberIds(ctx, facts, now));
  if (problem) {
    const refused = new URL(ssoUrls(ctx.appUrl).samlCallbackUri);
    refused.searchParams.set("error", "access_denied");
    refused.searchParams.set("error_description", problem);
    refused.searchParams.set("state", state);
    return { kind: "redirect", url: refused.toString() };
  }
  await recordObservations(ctx, state, {
    clockOffsetSeconds: facts.issueInstant ? Math.round((now.getTime() - facts.issueInstant.getTime()) / 1000) : null,
    certificateFingerprint: facts.certificateFingerprint,
  });
  return { kind: "redirect", url: redirectUrl };
}

/** Keeps response and assertion IDs until they expire; seeing one again is a replay. */
async function rememberIds(ctx: SsoContext, facts: SamlResponseFacts, now: Date): Promise<string | null> {
  const ids = [facts.responseId, facts.assertionId].filter((id): id is string => Boolean(id));
  const expiresAt = new Date(Math.max(facts.notOnOrAfter?.getTime() ?? 0, now.getTime() + 60 * 60_000));
  await ctx.db.delete(samlSeenIds).where(lt(samlSeenIds.expiresAt, now));
  for (const id of ids) {
    const inserted = await ctx.db.insert(samlSeenIds).values({ id, expiresAt }).onConflictDoNothing().returning({ id: samlSeenIds.id });
    if (inserted.length === 0) return `This SAML response was already used (replayed ID ${id}).`;
  }
  return null;
}

/** A response refused before any sign-in flow could take it: explained, and audited when we know the account. */
async function refuseAtAcs(ctx: SsoContext, connection: SsoConnection | undefined, reason: string): Promise<AcsOutcome> {
  if (connection) {
    await recordAuditEvent(ctx.db, {
      accountId: connection.accountId,
      actor: { userId: null, label: connection.idpEntityId ?? "IdP", ip: null },
      action: "sign_in.sso.refused",
      target: { type: "sso_connection", id: connection.id, label: connection.name },
      metadata: { reason: reason.slice(0, 500), stage: "acs" },
    });
  }
  return { kind: "error", ...explainSsoError(reason) };
}
