import * as client from "openid-client";
import { and, count, eq, gt, isNull, ssoFlows, type SsoFlow, type SamlObservations } from "@gatehouse/db";
import { decryptSecret, encryptSecret, hashToken } from "@gatehouse/core";
import type { SsoContext } from "../context";
import { browserBindingHash, isSameBrowser } from "./browser-binding";

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
    expiresAt: new Date(Date.now() + FLOW_LIFETIME_MINUTES * 60_000),
  });
  return { state, nonce, codeVerifier, codeChallenge: await client.calculatePKCECodeChallenge(codeVerifier) };
}

export type TakenFlow = { kind: "taken"; flow: SsoFlow } | { kind: "stale" } | { kind: "other_browser" };

/**
 * Takes a flow by its state exactly once, and only in the browser that opened it. A callback from
 * another browser leaves the flow untouched: its own browser can still finish it.
 */
export async function takeFlow(ctx: Pick<SsoContext, "db">, state: string | null, browserSecret: string | null): Promise<TakenFlow> {
  if (!state) return { kind: "stale" };
  const open = and(eq(ssoFlows.stateHash, hashToken(state)), isNull(ssoFlows.consumedAt), gt(ssoFlows.expiresAt, new Date()));
  const [found] = await ctx.db.select().from(ssoFlows).where(open).limit(1);
  if (!found) return { kind: "stale" };
  if (!isSameBrowser(found.browserBindingHash, browserSecret)) return { kind: "other_browser" };
  // The IdP's claims are cleared as the flow is taken: they are kept only while it is open.
  const [flow] = await ctx.db
    .update(ssoFlows)
    .set({ consumedAt: new Date(), samlClaims: null })
    .where(and(eq(ssoFlows.id, found.id), open))
    .returning();
  return flow ? { kind: "taken", flow: { ...flow, samlClaims: found.samlClaims } } : { kind: "stale" };
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
