import { eq, getTableColumns, ssoConnections, ssoFlows, type SsoConnection, type SsoFlow } from "@gatehouse/db";
import { hashToken } from "@gatehouse/core";
import { ssoUrls, type SsoContext } from "../context";
import { redeemSignInVerification } from "./email-verification";
import { finishSignIn, type FlowOutcome, type RequestInfo } from "./finish-sign-in";
import { heldSamlClaims, takeFlow } from "./flow-state";
import { describeOidcError, oidcConfiguration, redeemOidcCallback } from "./oidc-client";

const STALE: FlowOutcome = {
  kind: "refused",
  code: "flow_stale",
  message: "This sign-in has expired or was already completed.",
  advice: "Start the sign-in again from the login page. Sign-ins must finish within 10 minutes.",
};

const OTHER_BROWSER: FlowOutcome = {
  kind: "refused",
  code: "other_browser",
  message: "This sign-in was started in another browser.",
  advice: "Start again here: open the login page in this browser and sign in from there.",
};

/** What a callback carries: its URL, who sent it, and the secret in the browser's flow cookie. */
export type CallbackInput = { url: URL; request: RequestInfo; browserSecret: string | null };

type LoadedFlow = { ok: true; flow: SsoFlow; connection: SsoConnection } | { ok: false; outcome: FlowOutcome };

async function loadFlowConnection(ctx: SsoContext, input: CallbackInput): Promise<LoadedFlow> {
  const state = input.url.searchParams.get("state");
  // The flow's connection is read beside taking the flow (one round trip, not two); it counts
  // only if it is the connection of the flow that was taken.
  const [taken, [connection]] = await Promise.all([
    takeFlow(ctx, state, input.browserSecret),
    state
      ? ctx.db
          .select(getTableColumns(ssoConnections))
          .from(ssoConnections)
          .innerJoin(ssoFlows, eq(ssoFlows.connectionId, ssoConnections.id))
          .where(eq(ssoFlows.stateHash, hashToken(state)))
          .limit(1)
      : [],
  ]);
  if (taken.kind === "other_browser") return { ok: false, outcome: OTHER_BROWSER };
  if (taken.kind === "stale") return { ok: false, outcome: STALE };
  return connection && connection.id === taken.flow.connectionId ? { ok: true, flow: taken.flow, connection } : { ok: false, outcome: STALE };
}

/** The OIDC redirect URI: code → tokens (state, PKCE, nonce, issuer, signature checked) → claims. */
export async function completeOidcCallback(ctx: SsoContext, input: CallbackInput): Promise<FlowOutcome> {
  const loaded = await loadFlowConnection(ctx, input);
  if (!loaded.ok) return loaded.outcome;
  const { flow, connection } = loaded;
  // openid-client compares the callback URL with the registered one: rebuild it on our public URL.
  const currentUrl = new URL(ssoUrls(ctx.appUrl).oidcRedirectUri);
  currentUrl.search = input.url.search;
  try {
    const config = await oidcConfiguration(ctx, connection);
    const claims = await redeemOidcCallback(config, {
      currentUrl,
      state: input.url.searchParams.get("state")!,
      nonce: flow.nonce,
      codeVerifier: flow.codeVerifier,
    });
    return finishSignIn(ctx, { flow, connection, claims, request: input.request });
  } catch (error) {
    return finishSignIn(ctx, { flow, connection, claims: null, failure: describeOidcError(error), request: input.request });
  }
}

/**
 * Where our ACS sends the browser after a SAML response: the flow, taken in the browser that
 * started it, holds the verified response's claims (or the ACS's refusal is in the URL).
 */
export async function completeSamlCallback(ctx: SsoContext, input: CallbackInput): Promise<FlowOutcome> {
  const loaded = await loadFlowConnection(ctx, input);
  if (!loaded.ok) return loaded.outcome;
  const { flow, connection } = loaded;
  const error = input.url.searchParams.get("error");
  if (error) {
    const description = input.url.searchParams.get("error_description") ?? error;
    return finishSignIn(ctx, { flow, connection, claims: null, failure: description, request: input.request });
  }
  const claims = heldSamlClaims(ctx, flow);
  // A callback before any verified response (a hand-made URL) ends the flow like a refusal.
  if (!claims) return finishSignIn(ctx, { flow, connection, claims: null, failure: "No SAML response was received for this sign-in.", request: input.request });
  return finishSignIn(ctx, { flow, connection, claims, request: input.request });
}

/** The link in an SSO verification email: the held sign-in completes now. */
export async function completeEmailVerification(ctx: SsoContext, input: { token: string; request: RequestInfo }): Promise<FlowOutcome> {
  const held = await redeemSignInVerification(ctx, input.token);
  if (!held)
    return {
      kind: "refused",
      code: "verification_stale",
      message: "This verification link has expired or was already used.",
      advice: "Sign in again to get a new link.",
    };
  return finishSignIn(ctx, {
    flow: { purpose: "sign_in", actorUserId: null, testId: null, callbackUrl: held.callbackUrl, observations: null },
    connection: held.connection,
    claims: held.claims,
    request: input.request,
    emailJustProven: true,
  });
}
