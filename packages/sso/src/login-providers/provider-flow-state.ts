import * as client from "openid-client";
import { and, count, eq, gt, isNull, loginProviderFlows, loginProviderPending } from "@gatehouse/db";
import { generateToken, hashToken } from "@gatehouse/core";
import type { SsoContext } from "../context";
import { browserBindingHash, isSameBrowser } from "../flows/browser-binding";
import { FLOW_LIFETIME_MINUTES } from "../flows/flow-state";

type FlowRow = typeof loginProviderFlows.$inferSelect;
type PendingRow = typeof loginProviderPending.$inferSelect;

/** Opens a login-provider round trip: fresh state, nonce and PKCE verifier, bound to this browser. */
export async function openProviderFlow(
  ctx: Pick<SsoContext, "db">,
  input: { providerId: string; purpose: "sign_in" | "link"; browserSecret: string; actorUserId: string | null; callbackUrl: string | null },
) {
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await ctx.db.insert(loginProviderFlows).values({
    stateHash: hashToken(state),
    providerId: input.providerId,
    purpose: input.purpose,
    actorUserId: input.actorUserId,
    codeVerifier,
    nonce,
    callbackUrl: input.callbackUrl,
    browserBindingHash: browserBindingHash(input.browserSecret),
    expiresAt: new Date(Date.now() + FLOW_LIFETIME_MINUTES * 60_000),
  });
  return { state, nonce, codeChallenge: await client.calculatePKCECodeChallenge(codeVerifier) };
}

export type TakenProviderFlow = { kind: "taken"; flow: FlowRow } | { kind: "stale" } | { kind: "other_browser" };

/** Takes a flow once, only in the browser that opened it and only for the provider it names. */
export async function takeProviderFlow(
  ctx: Pick<SsoContext, "db">,
  input: { providerId: string; state: string | null; browserSecret: string | null },
): Promise<TakenProviderFlow> {
  if (!input.state) return { kind: "stale" };
  const open = and(
    eq(loginProviderFlows.stateHash, hashToken(input.state)),
    eq(loginProviderFlows.providerId, input.providerId),
    isNull(loginProviderFlows.consumedAt),
    gt(loginProviderFlows.expiresAt, new Date()),
  );
  const [found] = await ctx.db.select().from(loginProviderFlows).where(open).limit(1);
  if (!found) return { kind: "stale" };
  if (!isSameBrowser(found.browserBindingHash, input.browserSecret)) return { kind: "other_browser" };
  const [flow] = await ctx.db
    .update(loginProviderFlows)
    .set({ consumedAt: new Date() })
    .where(and(eq(loginProviderFlows.id, found.id), open))
    .returning();
  return flow ? { kind: "taken", flow } : { kind: "stale" };
}

export async function hasOpenProviderFlows(ctx: Pick<SsoContext, "db">, browserSecret: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ open: count() })
    .from(loginProviderFlows)
    .where(
      and(
        eq(loginProviderFlows.browserBindingHash, browserBindingHash(browserSecret)),
        isNull(loginProviderFlows.consumedAt),
        gt(loginProviderFlows.expiresAt, new Date()),
      ),
    );
  return (row?.open ?? 0) > 0;
}

// A verification link waits in a mailbox; a confirmation is a screen the person is looking at.
const PENDING_MINUTES = { verify: 30, confirm: 10 } as const;

/** Holds a provider sign-in for a verification link or a confirmation; returns the raw token. */
export async function holdProviderSignIn(
  ctx: Pick<SsoContext, "db">,
  input: Pick<PendingRow, "kind" | "providerId" | "issuer" | "subject" | "email" | "claims" | "callbackUrl"> & { userId?: string },
): Promise<string> {
  const token = generateToken();
  await ctx.db
    .insert(loginProviderPending)
    .values({ ...input, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + PENDING_MINUTES[input.kind] * 60_000) });
  return token;
}

const openPending = (kind: PendingRow["kind"], token: string) =>
  and(
    eq(loginProviderPending.tokenHash, hashToken(token)),
    eq(loginProviderPending.kind, kind),
    isNull(loginProviderPending.usedAt),
    gt(loginProviderPending.expiresAt, new Date()),
  );

/** Reads a held sign-in without using it up (the confirmation screen shows what it links). */
export async function peekProviderHold(ctx: Pick<SsoContext, "db">, kind: PendingRow["kind"], token: string): Promise<PendingRow | null> {
  const [row] = await ctx.db.select().from(loginProviderPending).where(openPending(kind, token)).limit(1);
  return row ?? null;
}

/** Uses a held sign-in exactly once. */
export async function takeProviderHold(ctx: Pick<SsoContext, "db">, kind: PendingRow["kind"], token: string): Promise<PendingRow | null> {
  const [row] = await ctx.db.update(loginProviderPending).set({ usedAt: new Date() }).where(openPending(kind, token)).returning();
  return row ?? null;
}
