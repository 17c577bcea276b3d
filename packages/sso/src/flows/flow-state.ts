import * as client from "openid-client";
import { and, count, eq, gt, isNull, ssoFlows, type SsoFlow, type SamlObservations } from "@gatehouse/db";
import { hashToken } from "@gatehouse/core";
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
  input: { connectionId: string; purpose: FlowPurpose; browserSecret: string; actorUserId?: string | null; testId?: string | null; callbackUrl?: string | null },
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
  const [flow] = await ctx.db.update(ssoFlows).set({ consumedAt: new Date() }).where(and(eq(ssoFlows.id, found.id), open)).returning();
  return flow ? { kind: "taken", flow } : { kind: "stale" };
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
  await ctx.db.update(ssoFlows).set({ observations }).where(eq(ssoFlows.stateHash, hashToken(state)));
}
