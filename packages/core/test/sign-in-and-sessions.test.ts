import { describe, expect, it } from "vitest";
import { and, auditEvents, sessions, users, eq } from "@gatehouse/db";
import {
  authenticatePassword,
  createSession,
  ensureAccount,
  ensureMember,
  removeMember,
  requestPasswordReset,
  resetPassword,
  resolveSession,
  switchActiveAccount,
  grantAccountToSession,
  carrySessionGrants,
  hashPassword,
  signOutSession,
} from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();
const PASSWORD = "integration-password";

async function setup(tag: string) {
  const account = await ensureAccount(env.db, { name: `Acct ${tag}`, slug: `acct-${tag}` });
  const admin = await ensureMember(env.db, { accountId: account.id, email: `admin-${tag}@test.dev`, name: "Admin", role: "admin", password: PASSWORD });
  const member = await ensureMember(env.db, { accountId: account.id, email: `member-${tag}@test.dev`, name: "Member", role: "member", password: PASSWORD });
  return { account, admin, member, actor: { userId: admin.id, label: admin.email, ip: "127.0.0.1" } };
}

describe("password sign-in", () => {
  it("accepts the right password whatever the email's case, and refuses others alike", async () => {
    const { member } = await setup("pw1");
    const good = await authenticatePassword(env.ctx, { email: member.email.toUpperCase(), password: PASSWORD, ip: "10.0.0.1" });
    expect(good).toEqual({ ok: true, value: { userId: member.id, email: member.email } });
    const wrong = await authenticatePassword(env.ctx, { email: member.email, password: "nope-nope-nope", ip: "10.0.0.1" });
    const unknown = await authenticatePassword(env.ctx, { email: "ghost@test.dev", password: "nope-nope-nope", ip: "10.0.0.1" });
    expect(wrong).toEqual({ ok: false, error: { code: "invalid" } });
    expect(unknown).toEqual(wrong);
  });

  it("locks an email after five failures, even for the right password", async () => {
    const { member } = await setup("pw2");
    for (let i = 0; i < 5; i++) await authenticatePassword(env.ctx, { email: member.email, password: `bad-${i}`, ip: `10.0.1.${i}` });
    const result = await authenticatePassword(env.ctx, { email: member.email, password: PASSWORD, ip: "10.0.2.1" });
    expect(result).toEqual({ ok: false, error: { code: "rate_limited", retryAfterMinutes: 15 } });
  });

  it("keeps emails unique regardless of case in the database itself", async () => {
    await expect(env.db.insert(users).values({ email: "Case@Test.dev" })).resolves.toBeDefined();
    await expect(env.db.insert(users).values({ email: "case@test.DEV" })).rejects.toThrow();
  });
});

describe("sessions", () => {
  it("resolves, then refuses a session once its row is gone", async () => {
    const { member, account } = await setup("s1");
    const sid = await createSession(env.ctx, { userId: member.id, method: "password" });
    const resolved = await resolveSession(env.ctx, sid);
    expect(resolved?.user.email).toBe(member.email);
    expect(resolved?.activeAccount?.id).toBe(account.id);
    await env.db.delete(sessions).where(eq(sessions.userId, member.id));
    expect(await resolveSession(env.ctx, sid)).toBeNull();
  });

  it("signing out is audited once and ends the row, whichever sign-out path runs first", async () => {
    const { member, account } = await setup("s7");
    const sid = await createSession(env.ctx, { userId: member.id, method: "password" });
    await signOutSession(env.ctx, sid, "198.51.100.7");
    await signOutSession(env.ctx, sid, "198.51.100.7");
    expect(await resolveSession(env.ctx, sid)).toBeNull();
    const events = await env.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "sign_out"), eq(auditEvents.actorUserId, member.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ accountId: account.id, ip: "198.51.100.7" });
  });

  it("stores only a hash of the session id", async () => {
    const { member } = await setup("s2");
    const sid = await createSession(env.ctx, { userId: member.id, method: "password" });
    const rows = await env.db.select().from(sessions).where(eq(sessions.userId, member.id));
    expect(rows.map((r) => r.idHash)).not.toContain(sid);
  });

  it("ends every session of a removed member", async () => {
    const { member, account, actor } = await setup("s3");
    const sid = await createSession(env.ctx, { userId: member.id, method: "password" });
    expect(await removeMember(env.ctx, { accountId: account.id, userId: member.id, actor })).toEqual({ ok: true, value: undefined });
    expect(await resolveSession(env.ctx, sid)).toBeNull();
  });

  it("switches only to accounts the user belongs to", async () => {
    const { member } = await setup("s4");
    const other = await ensureAccount(env.db, { name: "Other s4", slug: "other-s4" });
    const stranger = await ensureAccount(env.db, { name: "Stranger s4", slug: "stranger-s4" });
    await ensureMember(env.db, { accountId: other.id, email: member.email, name: "", role: "member" });
    const sid = await createSession(env.ctx, { userId: member.id, method: "password" });
    expect(await switchActiveAccount(env.db, sid, stranger.id)).toBe("not_a_member");
    expect(await switchActiveAccount(env.db, sid, other.id)).toBe("switched");
    expect((await resolveSession(env.ctx, sid))?.activeAccount?.slug).toBe("other-s4");
  });

  it("an SSO session grants only its connection's account; switching elsewhere needs that account's sign-in", async () => {
    const { member, account: acme } = await setup("s5");
    const globex = await ensureAccount(env.db, { name: "Globex s5", slug: "globex-s5" });
    await ensureMember(env.db, { accountId: globex.id, email: member.email, name: "", role: "admin" });
    const sid = await createSession(env.ctx, { userId: member.id, method: "sso", accountId: globex.id, connectionId: null });
    const resolved = await resolveSession(env.ctx, sid);
    expect(resolved?.activeAccount?.id).toBe(globex.id);
    expect(resolved?.accounts.map((a) => [a.slug, a.granted])).toEqual([
      ["acct-s5", false],
      ["globex-s5", true],
    ]);
    expect(await switchActiveAccount(env.db, sid, acme.id)).toBe("needs_sign_in");
    expect((await resolveSession(env.ctx, sid))?.activeAccount?.id).toBe(globex.id);
    // A session row pointed at an account it did not prove (e.g. by hand) acts in none.
    await env.db.update(sessions).set({ activeAccountId: acme.id }).where(eq(sessions.userId, member.id));
    expect((await resolveSession(env.ctx, sid))?.activeAccount).toBeNull();
  });

  it("a password re-check adds an account to the session; a later SSO sign-in of the same user carries the grants over", async () => {
    const { member, account: acme } = await setup("s6");
    const globex = await ensureAccount(env.db, { name: "Globex s6", slug: "globex-s6" });
    await ensureMember(env.db, { accountId: globex.id, email: member.email, name: "", role: "member" });
    const sid = await createSession(env.ctx, { userId: member.id, method: "sso", accountId: globex.id });
    expect(await grantAccountToSession(env.db, sid, acme.id)).toBe(true);
    expect((await resolveSession(env.ctx, sid))?.activeAccount?.id).toBe(acme.id);
    expect(await switchActiveAccount(env.db, sid, globex.id)).toBe("switched");

    const other = await setup("s6b");
    const strangerSession = await createSession(env.ctx, { userId: other.member.id, method: "sso", accountId: other.account.id });
    expect(await grantAccountToSession(env.db, strangerSession, acme.id)).toBe(false);

    const next = await createSession(env.ctx, { userId: member.id, method: "sso", accountId: globex.id });
    await carrySessionGrants(env.db, sid, next);
    expect(await resolveSession(env.ctx, sid)).toBeNull();
    expect((await resolveSession(env.ctx, next))?.accounts.every((a) => a.granted)).toBe(true);
    // Another person's session in the same browser is not merged into this one.
    await carrySessionGrants(env.db, strangerSession, next);
    expect(await resolveSession(env.ctx, strangerSession)).not.toBeNull();
  });
});

describe("password reset", () => {
  it("emails a single-use link that ends every session", async () => {
    const { member } = await setup("r1");
    const sid = await createSession(env.ctx, { userId: member.id, method: "password" });
    await requestPasswordReset(env.ctx, { email: member.email, actor: { userId: null, label: member.email, ip: null } });
    const email = await env.smtp.waitForEmail({ to: member.email });
    const link = email.links.find((l) => l.includes("/reset-password?token="))!;
    const token = new URL(link).searchParams.get("token")!;
    expect(await resetPassword(env.ctx, { token, password: "short", ip: null })).toEqual({ ok: false, error: "Use at least 10 characters." });
    const done = await resetPassword(env.ctx, { token, password: "a-new-long-password", ip: null });
    expect(done.ok).toBe(true);
    expect(await resolveSession(env.ctx, sid)).toBeNull();
    const again = await resetPassword(env.ctx, { token, password: "another-long-password", ip: null });
    expect(again.ok).toBe(false);
    const signIn = await authenticatePassword(env.ctx, { email: member.email, password: "a-new-long-password", ip: "10.9.9.9" });
    expect(signIn.ok).toBe(true);
  });

  it("sends nothing for an unknown email", async () => {
    const before = env.smtp.messages().length;
    await requestPasswordReset(env.ctx, { email: "nobody-r2@test.dev", actor: { userId: null, label: "x", ip: null } });
    expect(env.smtp.messages().length).toBe(before);
  });

  it("expires links after an hour", async () => {
    const { member } = await setup("r3");
    const past = new Date(Date.now() - 61 * 60_000);
    await requestPasswordReset({ ...env.ctx, now: () => past }, { email: member.email, actor: { userId: null, label: "x", ip: null } });
    const email = await env.smtp.waitForEmail({ to: member.email });
    const token = new URL(email.links.find((l) => l.includes("token="))!).searchParams.get("token")!;
    expect((await resetPassword(env.ctx, { token, password: "a-new-long-password", ip: null })).ok).toBe(false);
    void hashPassword;
  });
});
