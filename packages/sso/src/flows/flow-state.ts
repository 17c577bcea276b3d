import * as client from "openid-client";
import { and, eq, gt, isNull, ssoFlows, type SsoFlow, type SamlObservations } from "@gatehouse/db";
import { hashToken } from "@gatehouse/core";
import type { SsoContext } from "../context";

export const FLOW_LIFETIME_MINUTES = 10;
export type FlowPurpose = SsoFlow["purpose"];

/** Opens a flow: a fresh state, nonce and PKCE verifier, kept server-side for one use. */
export async function openFlow(
  ctx: Pick<SsoContext, "db">,
  input: { connectionId: string; purpose: FlowPurpose; actorUserId?: string | null; testId?: string | null; callbackUrl?: string | null },
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
    expiresAt: new Date(Date.now() + FLOW_LIFETIME_MINUTES * 60_000),
  });
  return { state, nonce, codeVerifier, codeChallenge: await client.calculatePKCECodeChallenge(codeVerifier) };
}

/** Takes a flow by its state exactly once; a replayed or stale callback finds nothing. */
export async function consumeFlow(ctx: Pick<SsoContext, "db">, state: string | null): Promise<SsoFlow | null> {
  if (!state) return null;
  const [flow] = await ctx.db
    .update(ssoFlows)
    .set({ consumedAt: new Date() })
    .where(and(eq(ssoFlows.stateHash, hashToken(state)), isNull(ssoFlows.consumedAt), gt(ssoFlows.expiresAt, new Date())))
    .returning();
  return flow ?? null;
}

/** Notes what the ACS measured on the flow the response belongs to. */
export async function recordObservations(ctx: Pick<SsoContext, "db">, state: string, observations: SamlObservations): Promise<void> {
  await ctx.db.update(ssoFlows).set({ observations }).where(eq(ssoFlows.stateHash, hashToken(state)));
}
