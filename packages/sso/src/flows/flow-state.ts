import * as client from "openid-client";
import { and, count, eq, getTableColumns, gt, isNull, ssoFlows, type SsoFlow, type SamlObservations } from "@gatehouse/db";
import { decryptSecret, encryptSecret, hashToken } from "@gatehouse/core";
import type { SsoContext } from "../context";
import { browserBindingHash } from "./browser-binding";

export const FLOW_LIFETIME_MINUTES = 10;
export type FlowPurpose = SsoFlow["purpose"];

/**
 * Opens a flow: a fresh state, nonce and PKCE verifier, kept server-side for one use, bound to
 * the browser holding `browserSecret` (only its hash is stored).
 */
export async function openFlow(
  ctx: Pick<SsoContext, "db">,
  input: {
    connectionId: string;
    purpose: FlowPurpose;
    browserSecret: string;
    actorUserId?: string | null;
    testId?: string | null;
    setupLinkId?: string | null;
    callbackUrl?: string | null;
    /** The raw id of the session the starting browser holds, if any (only its hash is kept). */
    startingSessionId?: string | null;
  },
) {
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await ctx.db.insert(ssoFlows).values({
    stateHash: hashToken(state),
    connectionId: input.connectionId,
    purpose: input.purpose,
    actorUserId: input.actorUserId ?? null,
    testId: input.testId ?? null,
    setupLinkId: input.setupLinkId ?? null,
    codeVerifier,
    nonce,
    callbackUrl: input.callbackUrl ?? null,
    browserBindingHash: browserBindingHash(input.browserSecret),
    startingSessionHash: input.startingSessionId ? hashToken(input.startingSessionId) : null,
    expiresAt: new Date(Date.now() + FLOW_LIFETIME_MINUTES * 60_000),
  });
  return { state, nonce, codeVerifier, codeChallenge: await client.calculatePKCECodeChallenge(codeVerifier) };
}

export type TakenFlow = { kind: "taken"; flow: SsoFlow } | { kind: "stale" } | { kind: "other_browser" };

const openFlowWithState = (state: string) => and(eq(ssoFlows.stateHash, hashToken(state)), isNull(ssoFlows.consumedAt), gt(ssoFlows.expiresAt, new Date()));

/**
 * Takes a flow by its state exactly once, and only in the browser that opened it. A callback from
 * another browser leaves the flow untouched: its own browser can still finish it.
 */
export async function takeFlow(ctx: Pick<SsoContext, "db">, state: string | null, browserSecret: string | null): Promise<TakenFlow> {
  if (!state) return { kind: "stale" };
  const taken = browserSecret ? await takeBoundFlow(ctx, openFlowWithState(state), browserSecret) : null;
  if (taken) return { kind: "taken", flow: taken };
  // Not taken: another browser's flow stays untouched, for its own browser to finish.
  const [other] = await ctx.db.select({ id: ssoFlows.id }).from(ssoFlows).where(openFlowWithState(state)).limit(1);
  return other ? { kind: "other_browser" } : { kind: "stale" };
}

/**
 * The ACS's take: the open flow of this connection, bound to this browser, that holds no response
 * yet (one response per flow). Null leaves the flow as it was, for the callback to decide.
 */
export async function takeFlowAtAcs(
  ctx: Pick<SsoContext, "db">,
  input: { state: string; connectionId: string; browserSecret: string },
): Promise<SsoFlow | null> {
  return takeBoundFlow(
    ctx,
    and(openFlowWithState(input.state), eq(ssoFlows.connectionId, input.connectionId), isNull(ssoFlows.samlClaims)),
    input.browserSecret,
  );
}

/**
 * One statement: the open flow matching `where` and this browser, taken, with the IdP's claims it
 * held (they are cleared as it is taken: kept only while it is open).
 */
async function takeBoundFlow(ctx: Pick<SsoContext, "db">, where: ReturnType<typeof and>, browserSecret: string): Promise<SsoFlow | null> {
  const held = ctx.db.$with("held").as(
    ctx.db
      .select({ id: ssoFlows.id, claims: ssoFlows.samlClaims })
      .from(ssoFlows)
      .where(and(where, eq(ssoFlows.browserBindingHash, browserBindingHash(browserSecret))))
      .for("update"),
  );
  const [taken] = await ctx.db
    .with(held)
    .update(ssoFlows)
    .set({ consumedAt: new Date(), samlClaims: null })
    .from(held)
    .where(eq(ssoFlows.id, held.id))
    .returning({ ...getTableColumns(ssoFlows), heldClaims: held.claims });
  if (!taken) return null;
  const { heldClaims, ...flow } = taken;
  return { ...flow, samlClaims: heldClaims };
}

/** Whether this browser still has a sign-in under way: its flow cookie must then stay. */
export async function hasOpenFlows(ctx: Pick<SsoContext, "db">, browserSecret: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ open: count() })
    .from(ssoFlows)
    .where(and(eq(ssoFlows.browserBindingHash, browserBindingHash(browserSecret)), isNull(ssoFlows.consumedAt), gt(ssoFlows.expiresAt, new Date())));
  return (row?.open ?? 0) > 0;
}

/** Notes what the ACS measured on the flow the response belongs to. */
export async function recordObservations(ctx: Pick<SsoContext, "db">, state: string, observations: SamlObservations): Promise<void> {
  await ctx.db
    .update(ssoFlows)
    .set({ observations })
    .where(eq(ssoFlows.stateHash, hashToken(state)));
}

/**
 * Keeps the verified response's claims (encrypted) and the ACS's observations on the open flow,
 * for the callback in the starting browser. One response per flow: false when the flow is gone,
 * used, or already holds one.
 */
export async function holdSamlClaims(
  ctx: Pick<SsoContext, "db" | "encryptionKey">,
  state: string,
  claims: Record<string, unknown>,
  observations: SamlObservations,
): Promise<boolean> {
  const held = await ctx.db
    .update(ssoFlows)
    .set({ samlClaims: encryptSecret(JSON.stringify(claims), ctx.encryptionKey), observations })
    .where(and(eq(ssoFlows.stateHash, hashToken(state)), isNull(ssoFlows.samlClaims), isNull(ssoFlows.consumedAt), gt(ssoFlows.expiresAt, new Date())))
    .returning({ id: ssoFlows.id });
  return held.length > 0;
}

/** The claims the ACS held for a taken flow, or null when it holds none. */
export function heldSamlClaims(ctx: Pick<SsoContext, "encryptionKey">, flow: SsoFlow): Record<string, unknown> | null {
  return flow.samlClaims ? (JSON.parse(decryptSecret(flow.samlClaims, ctx.encryptionKey)) as Record<string, unknown>) : null;
}
