import { describe, expect, it } from "vitest";
import { accountDomains, and, auditEvents, eq, memberships, sessions, ssoIdentities } from "@gatehouse/db";
import {
  checkSignInMethod,
  createSession,
  ensureAccount,
  ensureMember,
  getSecuritySettings,
  loadEmailRoute,
  offersPasswordInstead,
  previewEnforcement,
  proveAccountWithPassword,
  resolveSession,
  setDomainSsoEnforcement,
  setMemberSsoExemption,
  switchActiveAccount,
  updateSecuritySettings,
} from "../src";
import { accountWithConnection, PASSWORD } from "./enforcement-fixture";
import { useCoreContext } from "./harness";

const env = useCoreContext();
const setup = (tag: string, options: { freshTest?: boolean } = {}) => accountWithConnection(env.db, tag, options);

const audits = (accountId: string, action: string) =>
  env.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, action)));
const sessionsOf = (userId: string) => env.db.select().from(sessions).where(eq(sessions.userId, userId));
const exemptAdmin = (s: Awaited<ReturnType<typeof setup>>) =>
  setMemberSsoExemption(env.ctx, { accountId: s.account.id, actor: s.actor, userId: s.admin.id, exempt: true, until: null });

describe("switching SSO enforcement on", () => {
  it("is refused without a fresh test of a switched-on connection", async () => {
    const s = await setup("e1", { freshTest: false });
    const result = await updateSecuritySettings(env.ctx, {
      accountId: s.account.id,
      actor: s.actor,
      authRequired: "sso",
      requireMfa: false,
      confirmation: s.account.slug,
    });
    expect(result).toEqual({ ok: false, error: { code: "needs_fresh_test" } });
    expect((await getSecuritySettings(env.ctx, s.account.id))?.authRequired).toBe("any");
  });

  it("names who would be locked out until the typed confirmation, then ends their non-SSO sessions", async () => {
    const s = await setup("e2");
    await exemptAdmin(s);
    const onDomain = await ensureMember(env.db, { accountId: s.account.id, email: `dana@e2.test`, name: "Dana", role: "member", password: PASSWORD });
    await env.db.insert(accountDomains).values({ accountId: s.account.id, domain: "e2.test", status: "verified", verificationToken: "t-e2" });
    const viaSso = await ensureMember(env.db, { accountId: s.account.id, email: `sam@other-e2.test`, name: "Sam", role: "member", password: PASSWORD });
    await env.db.insert(ssoIdentities).values({ connectionId: s.connection.id, issuer: "https://idp", subject: "sam", userId: viaSso.id, email: viaSso.email });

    const preview = await previewEnforcement(env.ctx, { accountId: s.account.id, target: { kind: "account" } });
    expect(preview?.lockedOut.map((m) => m.email)).toEqual([s.member.email]);
    expect(preview?.affected.map((m) => m.email).sort()).toEqual([onDomain.email, s.member.email, viaSso.email].sort());
    expect(preview?.hasExemptAdmin).toBe(true);

    const memberPassword = await createSession(env.ctx, { userId: s.member.id, method: "password" });
    const samSso = await createSession(env.ctx, { userId: viaSso.id, method: "sso", accountId: s.account.id, connectionId: s.connection.id });
    const samPassword = await createSession(env.ctx, { userId: viaSso.id, method: "password" });
    const adminPassword = await createSession(env.ctx, { userId: s.admin.id, method: "password" });
    expect((await previewEnforcement(env.ctx, { accountId: s.account.id, target: { kind: "account" } }))?.sessionsToEnd).toBe(2);

    const unconfirmed = await updateSecuritySettings(env.ctx, {
      accountId: s.account.id,
      actor: s.actor,
      authRequired: "sso",
      requireMfa: true,
      confirmation: "wrong",
    });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: "would_lock_out", lockedOut: [{ email: s.member.email }] } });

    const confirmed = await updateSecuritySettings(env.ctx, {
      accountId: s.account.id,
      actor: s.actor,
      authRequired: "sso",
      requireMfa: true,
      confirmation: s.account.slug,
    });
    expect(confirmed).toEqual({ ok: true, value: { endedSessions: 2 } });
    expect(await resolveSession(env.ctx, memberPassword)).toBeNull();
    expect(await resolveSession(env.ctx, samPassword)).toBeNull();
    expect(await resolveSession(env.ctx, samSso)).not.toBeNull();
    expect(await resolveSession(env.ctx, adminPassword)).not.toBeNull();
    expect((await audits(s.account.id, "security.auth_required_changed"))[0]?.metadata).toEqual({ from: "any", to: "sso" });
    expect((await audits(s.account.id, "security.require_mfa_changed"))[0]?.metadata).toEqual({ from: "off", to: "on" });
    expect((await audits(s.account.id, "security.sessions_ended"))[0]?.metadata).toEqual({ reason: "sso_enforced", count: 2, members: 3 });
    expect(await sessionsOf(onDomain.id)).toHaveLength(0);
  });

  it("refuses non-admins", async () => {
    const s = await setup("e3");
    const result = await updateSecuritySettings(env.ctx, {
      accountId: s.account.id,
      actor: { userId: s.member.id, label: s.member.email, ip: null },
      authRequired: "sso",
      requireMfa: false,
      confirmation: s.account.slug,
    });
    expect(result).toEqual({ ok: false, error: { code: "forbidden" } });
  });
});

describe("checkSignInMethod", () => {
  it("allows every account while nothing enforces, refuses with the SSO entry under sso, allows the exempt", async () => {
    const s = await setup("c1");
    expect(await checkSignInMethod(env.ctx, { userId: s.member.id, method: "password" })).toEqual({ allowed: true, grantedAccountIds: [s.account.id] });
    await exemptAdmin(s);
    expect(
      (await updateSecuritySettings(env.ctx, { accountId: s.account.id, actor: s.actor, authRequired: "sso", requireMfa: false, confirmation: s.account.slug }))
        .ok,
    ).toBe(true);

    expect(await checkSignInMethod(env.ctx, { userId: s.member.id, method: "password" })).toEqual({
      allowed: false,
      message: `Acme c1 requires signing in with SSO.`,
      ssoAccounts: [{ id: s.account.id, name: s.account.name, slug: s.account.slug }],
    });
    expect(await checkSignInMethod(env.ctx, { userId: s.member.id, method: "social" })).toMatchObject({ allowed: false });
    expect((await audits(s.account.id, "sign_in.password.refused"))[0]?.metadata).toEqual({ reason: "sso_required" });
    expect(await checkSignInMethod(env.ctx, { userId: s.admin.id, method: "password" })).toEqual({ allowed: true, grantedAccountIds: [s.account.id] });

    const until = new Date(Date.now() + 86_400_000);
    expect(await setMemberSsoExemption(env.ctx, { accountId: s.account.id, actor: s.actor, userId: s.member.id, exempt: true, until })).toEqual({
      ok: true,
      value: { endedSessions: 0 },
    });
    expect(await checkSignInMethod(env.ctx, { userId: s.member.id, method: "password" })).toEqual({ allowed: true, grantedAccountIds: [s.account.id] });
    expect((await audits(s.account.id, "member.sso_exemption_changed")).map((e) => e.metadata)).toContainEqual({
      from: "none",
      to: `until ${until.toISOString().slice(0, 10)}`,
    });
    const later = { ...env.ctx, now: () => new Date(until.getTime() + 1000) };
    expect(await checkSignInMethod(later, { userId: s.member.id, method: "password" })).toMatchObject({ allowed: false });
  });

  it("grants only the accounts that do not enforce, and switching to the enforcing one needs its sign-in", async () => {
    const s = await setup("c2");
    const other = await ensureAccount(env.db, { name: "Open c2", slug: "open-c2" });
    await env.db.insert(memberships).values({ accountId: other.id, userId: s.member.id, role: "member" });
    await exemptAdmin(s);
    await updateSecuritySettings(env.ctx, { accountId: s.account.id, actor: s.actor, authRequired: "sso", requireMfa: false, confirmation: s.account.slug });

    const policy = await checkSignInMethod(env.ctx, { userId: s.member.id, method: "password" });
    expect(policy).toEqual({ allowed: true, grantedAccountIds: [other.id] });
    const sid = await createSession(env.ctx, { userId: s.member.id, method: "password", grantedAccountIds: policy.allowed ? policy.grantedAccountIds : [] });
    expect((await resolveSession(env.ctx, sid))?.activeAccount?.id).toBe(other.id);
    expect(await switchActiveAccount(env.db, sid, s.account.id)).toBe("needs_sign_in");
    expect(
      await proveAccountWithPassword(env.ctx, {
        sessionId: sid,
        user: { id: s.member.id, email: s.member.email },
        accountId: s.account.id,
        password: PASSWORD,
        ip: null,
        rememberedDeviceToken: null,
      }),
    ).toEqual({
      ok: false,
      error: { code: "sso_required" },
    });
  });

  it("allows a user with no memberships", async () => {
    const s = await setup("c3");
    await env.db.delete(memberships).where(eq(memberships.userId, s.member.id));
    expect(await checkSignInMethod(env.ctx, { userId: s.member.id, method: "password" })).toEqual({ allowed: true, grantedAccountIds: [] });
  });
});

describe("per-domain enforcement", () => {
  it("applies to people on the domain only, stops offering the password there, and is audited", async () => {
    const s = await setup("d1");
    const onDomain = await ensureMember(env.db, { accountId: s.account.id, email: "ada@d1.test", name: "Ada", role: "member", password: PASSWORD });
    const [domain] = await env.db
      .insert(accountDomains)
      .values({ accountId: s.account.id, domain: "d1.test", status: "verified", verificationToken: "t-d1" })
      .returning();
    const adaSession = await createSession(env.ctx, { userId: onDomain.id, method: "password" });
    const memberSession = await createSession(env.ctx, { userId: s.member.id, method: "password" });
    const result = await setDomainSsoEnforcement(env.ctx, {
      accountId: s.account.id,
      actor: s.actor,
      domainId: domain!.id,
      enforceSso: true,
      confirmation: s.account.name,
    });
    // The admin (admin@d1.test) is on the domain too.
    expect(result).toEqual({ ok: true, value: { endedSessions: 1 } });
    expect(await resolveSession(env.ctx, adaSession)).toBeNull();
    expect(await resolveSession(env.ctx, memberSession)).not.toBeNull();
    expect(await checkSignInMethod(env.ctx, { userId: onDomain.id, method: "password" })).toMatchObject({ allowed: false });
    expect(await checkSignInMethod(env.ctx, { userId: s.member.id, method: "password" })).toEqual({ allowed: true, grantedAccountIds: [s.account.id] });
    const { match } = await loadEmailRoute(env.db, "someone@d1.test");
    expect(match && offersPasswordInstead(match)).toBe(false);
    expect((await audits(s.account.id, "domain.sso_enforcement_changed"))[0]?.metadata).toEqual({ from: "off", to: "on" });
  });
});
