import { describe, expect, it } from "vitest";
import {
  eq,
  loginProviderFlows,
  loginProviderPending,
  loginProviders,
  passwordResetTokens,
  sessions,
  signUpRequests,
  ssoConnections,
  ssoEmailVerifications,
  ssoFlows,
  ssoTestRequests,
} from "@gatehouse/db";
import { DEFAULT_PROVIDER_MAPPING, createSession, ensureAccount, ensureMember, pruneExpiredRows } from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();
const NOW = new Date("2026-11-27T12:00:00Z");
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

describe("pruneExpiredRows", () => {
  it("deletes expired sessions and short-lived rows a day past their expiry, and keeps live and recent ones", async () => {
    const account = await ensureAccount(env.db, { name: "Prune", slug: "prune" });
    const user = await ensureMember(env.db, { accountId: account.id, email: "p@prune.test", name: "P", role: "member", password: null });
    const [connection] = await env.db
      .insert(ssoConnections)
      .values({ accountId: account.id, provider: "okta", name: "Okta", buttonText: "Okta", attributeMapping: DEFAULT_PROVIDER_MAPPING as never })
      .returning();
    const [provider] = await env.db
      .insert(loginProviders)
      .values({
        identifier: "g-prune",
        name: "G",
        discoveryUrl: "http://idp.test/.well-known/openid-configuration",
        clientId: "c",
        attributeMapping: DEFAULT_PROVIDER_MAPPING,
        buttonText: "G",
      })
      .returning();

    await createSession({ db: env.db, now: () => ago(1) }, { userId: user.id, method: "password" });
    await createSession({ db: env.db, now: () => ago(31 * 24) }, { userId: user.id, method: "password" });
    await createSession({ db: env.db, now: () => ago(1) }, { userId: user.id, method: "password", mfaStep: "verify" });
    await createSession({ db: env.db, now: () => ago(0.1) }, { userId: user.id, method: "password", mfaStep: "verify" });

    // For each table: one row past expiry by more than the grace (goes), one only just expired (stays).
    for (const [tag, expiresAt] of [
      ["old", ago(25)],
      ["recent", ago(2)],
    ] as const) {
      await env.db.insert(passwordResetTokens).values({ userId: user.id, tokenHash: `reset-${tag}`, expiresAt });
      await env.db.insert(signUpRequests).values({ tokenHash: `signup-${tag}`, email: `${tag}@prune.test`, passwordHash: "h", expiresAt });
      await env.db
        .insert(ssoFlows)
        .values({ stateHash: `flow-${tag}`, connectionId: connection!.id, purpose: "sign_in", codeVerifier: "v", nonce: "n", expiresAt });
      await env.db
        .insert(ssoEmailVerifications)
        .values({ tokenHash: `verify-${tag}`, connectionId: connection!.id, subject: "s", email: "e@prune.test", claims: {}, expiresAt });
      await env.db.insert(loginProviderFlows).values({
        stateHash: `lpflow-${tag}`,
        providerId: provider!.id,
        purpose: "sign_in",
        codeVerifier: "v",
        nonce: "n",
        browserBindingHash: "b",
        expiresAt,
      });
      await env.db.insert(loginProviderPending).values({
        tokenHash: `lppending-${tag}`,
        kind: "verify",
        providerId: provider!.id,
        issuer: "i",
        subject: "s",
        email: "e@prune.test",
        claims: {},
        expiresAt,
      });
    }
    await env.db.insert(ssoTestRequests).values([
      { connectionId: connection!.id, userId: user.id, tokenHash: "test-old", expiresAt: ago(31 * 24) },
      { connectionId: connection!.id, userId: user.id, tokenHash: "test-recent", expiresAt: ago(25) },
    ]);

    expect(await pruneExpiredRows(env.db, NOW)).toEqual({
      sessions: 2,
      passwordResetTokens: 1,
      signUpRequests: 1,
      ssoFlows: 1,
      ssoEmailVerifications: 1,
      ssoTestRequests: 1,
      loginProviderFlows: 1,
      loginProviderPending: 1,
    });
    // The live session and the pending MFA step started minutes ago.
    expect(await env.db.select({ idHash: sessions.idHash }).from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(2);
    expect((await env.db.select().from(passwordResetTokens)).map((r) => r.tokenHash)).toEqual(["reset-recent"]);
    expect((await env.db.select().from(ssoTestRequests)).map((r) => r.tokenHash)).toEqual(["test-recent"]);
    expect((await env.db.select().from(loginProviderPending)).map((r) => r.tokenHash)).toEqual(["lppending-recent"]);
    // A second run finds nothing more.
    expect(Object.values(await pruneExpiredRows(env.db, NOW)).every((n) => n === 0)).toBe(true);
  });
});
