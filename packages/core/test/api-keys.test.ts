import { describe, expect, it } from "vitest";
import { accounts, apiIdempotency, apiKeys, eq } from "@gatehouse/db";
import {
  authenticateApiKey,
  claimIdempotencyKey,
  countApiKeyRequest,
  ensureAccount,
  ensureMember,
  issueApiKey,
  listApiKeys,
  markApiKeyUsed,
  pruneIdempotencyKeys,
  revokeApiKey,
  settleIdempotencyKey,
} from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();

async function team(tag: string) {
  const account = await ensureAccount(env.db, { name: `Keys ${tag}`, slug: `keys-${tag}` });
  const admin = await ensureMember(env.db, { accountId: account.id, email: `admin-${tag}@test.dev`, name: "Admin", role: "admin" });
  const member = await ensureMember(env.db, { accountId: account.id, email: `member-${tag}@test.dev`, name: "Member", role: "member" });
  const actor = (u: { id: string; email: string }) => ({ userId: u.id, label: u.email, ip: null });
  return { account, admin, member, actor };
}

describe("API keys", () => {
  it("only admins create account keys; members create their own tokens, which act with their role", async () => {
    const t = await team("k1");
    expect(await issueApiKey(env.ctx, { accountId: t.account.id, kind: "account", name: "x", scope: "write", actor: t.actor(t.member) })).toEqual({
      ok: false,
      error: "Only account admins can create account API keys.",
    });
    const key = await issueApiKey(env.ctx, { accountId: t.account.id, kind: "account", name: " CI ", scope: "write", actor: t.actor(t.admin) });
    const token = await issueApiKey(env.ctx, { accountId: t.account.id, kind: "personal", name: "laptop", scope: "read", actor: t.actor(t.member) });
    if (!key.ok || !token.ok) throw new Error("not issued");
    expect(key.value.name).toBe("CI");

    const asKey = await authenticateApiKey(env.ctx, key.value.token, "10.0.0.1");
    expect(asKey).toMatchObject({ ok: true, value: { kind: "account", account: { role: "admin" }, actor: { userId: null, adminOfAccountId: t.account.id } } });
    const asMember = await authenticateApiKey(env.ctx, token.value.token, null);
    expect(asMember).toMatchObject({ ok: true, value: { kind: "personal", scope: "read", account: { role: "member" }, actor: { userId: t.member.id } } });

    // A member may revoke their own token, not the account's key.
    expect(await revokeApiKey(env.ctx, { accountId: t.account.id, keyId: key.value.id, actor: t.actor(t.member) })).toEqual({
      ok: false,
      error: "Only account admins can revoke this key.",
    });
    expect(await revokeApiKey(env.ctx, { accountId: t.account.id, keyId: token.value.id, actor: t.actor(t.member) })).toMatchObject({ ok: true });
    expect(await authenticateApiKey(env.ctx, token.value.token, null)).toEqual({ ok: false, error: "revoked" });

    const listed = await listApiKeys(env.ctx, { accountId: t.account.id });
    expect(listed.map((k) => [k.name, k.state])).toEqual(
      expect.arrayContaining([
        ["CI", "active"],
        ["laptop", "revoked"],
      ]),
    );
    expect(JSON.stringify(listed)).not.toContain(key.value.token);
  });

  it("writes last_used_at for accepted requests only, at most once a minute", async () => {
    const t = await team("k2");
    const key = await issueApiKey(env.ctx, { accountId: t.account.id, kind: "account", name: "busy", scope: "read", actor: t.actor(t.admin) });
    if (!key.ok) throw new Error(key.error);
    const at = (iso: string) => ({ ...env.ctx, now: () => new Date(iso) });
    const lastUsed = async () => (await env.db.select().from(apiKeys).where(eq(apiKeys.id, key.value.id)))[0]!.lastUsedAt?.toISOString();
    // Recognised but not (yet) accepted: a later check may still refuse the request.
    const first = await authenticateApiKey(at("2030-01-01T00:00:00Z"), key.value.token, null);
    expect(await lastUsed()).toBeUndefined();
    if (!first.ok) throw new Error(first.error);
    await markApiKeyUsed(at("2030-01-01T00:00:00Z"), first.value);
    const second = await authenticateApiKey(at("2030-01-01T00:00:30Z"), key.value.token, null);
    if (!second.ok) throw new Error(second.error);
    await markApiKeyUsed(at("2030-01-01T00:00:30Z"), second.value);
    expect(await lastUsed()).toBe("2030-01-01T00:00:00.000Z");
    const third = await authenticateApiKey(at("2030-01-01T00:01:05Z"), key.value.token, null);
    if (!third.ok) throw new Error(third.error);
    await markApiKeyUsed(at("2030-01-01T00:01:05Z"), third.value);
    expect(await lastUsed()).toBe("2030-01-01T00:01:05.000Z");
  });

  it("a personal token refused by SSO enforcement is not marked as used", async () => {
    const t = await team("k4");
    const token = await issueApiKey(env.ctx, { accountId: t.account.id, kind: "personal", name: "old laptop", scope: "read", actor: t.actor(t.member) });
    if (!token.ok) throw new Error(token.error);
    await env.db.update(accounts).set({ authRequired: "sso" }).where(eq(accounts.id, t.account.id));
    expect(await authenticateApiKey(env.ctx, token.value.token, null)).toEqual({ ok: false, error: "sso_required" });
    const [row] = await env.db.select().from(apiKeys).where(eq(apiKeys.id, token.value.id));
    expect(row!.lastUsedAt).toBeNull();
  });

  it("counts requests in a one-minute window per key, even in parallel", async () => {
    const t = await team("k3");
    const key = await issueApiKey(env.ctx, { accountId: t.account.id, kind: "account", name: "burst", scope: "read", actor: t.actor(t.admin) });
    if (!key.ok) throw new Error(key.error);
    const now = new Date("2030-02-01T00:00:00Z");
    const decisions = await Promise.all(Array.from({ length: 8 }, () => countApiKeyRequest(env.db, key.value.id, 5, now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.find((d) => !d.allowed)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await countApiKeyRequest(env.db, key.value.id, 5, new Date(now.getTime() + 61_000))).toEqual({ allowed: true });
  });
});

describe("Idempotency-Key claims", () => {
  it("lets one of two racing requests run, replays its answer, refuses another body, and prunes after a day", async () => {
    const input = { principal: "key:test", key: "abc", requestHash: "h1", now: new Date("2030-03-01T00:00:00Z") };
    const [a, b] = await Promise.all([claimIdempotencyKey(env.db, input), claimIdempotencyKey(env.db, input)]);
    expect([a.outcome, b.outcome].sort()).toEqual(["in_progress", "proceed"]);
    const claim = (a.outcome === "proceed" ? a : b) as { outcome: "proceed"; recordId: string };
    await settleIdempotencyKey(env.db, claim.recordId, 201, { data: 1 });
    expect(await claimIdempotencyKey(env.db, input)).toEqual({ outcome: "replay", status: 201, response: { data: 1 } });
    expect(await claimIdempotencyKey(env.db, { ...input, requestHash: "h2" })).toEqual({ outcome: "body_mismatch" });

    expect(await pruneIdempotencyKeys(env.db, new Date("2030-03-02T00:00:01Z"))).toBeGreaterThanOrEqual(1);
    expect(await env.db.select().from(apiIdempotency).where(eq(apiIdempotency.principal, "key:test"))).toEqual([]);
  });

  it("releases the key when the request failed on our side, so a retry runs again", async () => {
    const input = { principal: "key:test2", key: "k", requestHash: "h" };
    const first = await claimIdempotencyKey(env.db, input);
    if (first.outcome !== "proceed") throw new Error(first.outcome);
    await settleIdempotencyKey(env.db, first.recordId, 500, null);
    expect((await claimIdempotencyKey(env.db, input)).outcome).toBe("proceed");
  });
});
