import { describe, expect, it } from "vitest";
import { auditEvents, deploymentSettings, eq, loginProviderIdentities, loginProviders, memberships, sessions, signUpRequests, users } from "@gatehouse/db";
import {
  authenticatePassword,
  completeSignUp,
  createSession,
  createWorkspace,
  DEFAULT_PROVIDER_MAPPING,
  endOwnSessions,
  ensureAccount,
  ensureMember,
  hashToken,
  isStaffUser,
  requestSignUp,
  seedDevLoginProvider,
  setOwnPassword,
  unlinkProvider,
} from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();
const actorFor = (u: { id: string; email: string }) => ({ userId: u.id, label: u.email, ip: null });

async function providerOnlyUser(tag: string) {
  const [provider] = await env.db
    .insert(loginProviders)
    .values({
      identifier: `g-${tag}`,
      name: `Google ${tag}`,
      discoveryUrl: "http://idp.test/.well-known/openid-configuration",
      clientId: "c",
      attributeMapping: DEFAULT_PROVIDER_MAPPING,
      buttonText: "Login with Google",
    })
    .returning();
  const [user] = await env.db
    .insert(users)
    .values({ email: `only-${tag}@example.test`, emailVerifiedAt: new Date() })
    .returning();
  await env.db
    .insert(loginProviderIdentities)
    .values({ providerId: provider!.id, issuer: "http://idp.test", subject: `sub-${tag}`, userId: user!.id, email: user!.email });
  return { provider: provider!, user: user! };
}

describe("connected accounts", () => {
  it("refuses to unlink the only way in, then allows it once a password is set", async () => {
    const { provider, user } = await providerOnlyUser("last");
    const refused = await unlinkProvider(env.ctx, { userId: user.id, providerId: provider.id, actor: actorFor(user) });
    expect(refused).toEqual({ ok: false, error: "This is your only way to sign in. Set a password or link another provider first." });
    expect(await env.db.select().from(loginProviderIdentities).where(eq(loginProviderIdentities.userId, user.id))).toHaveLength(1);

    expect(await setOwnPassword(env.ctx, { userId: user.id, currentPassword: "", newPassword: "a-first-password", actor: actorFor(user) })).toEqual({
      ok: true,
      value: { changed: false },
    });
    expect((await unlinkProvider(env.ctx, { userId: user.id, providerId: provider.id, actor: actorFor(user) })).ok).toBe(true);
    expect((await authenticatePassword(env.ctx, { email: user.email, password: "a-first-password", ip: null })).ok).toBe(true);
  });

  it("changing a password needs the current one", async () => {
    const account = await ensureAccount(env.db, { name: "Pw", slug: "pw" });
    const user = await ensureMember(env.db, { accountId: account.id, email: "pw@example.test", name: "Pw", role: "member", password: "the-old-password" });
    const wrong = await setOwnPassword(env.ctx, { userId: user.id, currentPassword: "a-guess-at-it", newPassword: "a-new-password-1", actor: actorFor(user) });
    expect(wrong.ok).toBe(false);
    expect((await authenticatePassword(env.ctx, { email: user.email, password: "the-old-password", ip: null })).ok).toBe(true);
    expect(
      (await setOwnPassword(env.ctx, { userId: user.id, currentPassword: "the-old-password", newPassword: "a-new-password-1", actor: actorFor(user) })).ok,
    ).toBe(true);
  });

  it("ends another session of one's own, never someone else's, and not the current one", async () => {
    const account = await ensureAccount(env.db, { name: "Ses", slug: "ses" });
    const me = await ensureMember(env.db, { accountId: account.id, email: "me@example.test", name: "Me", role: "member" });
    const them = await ensureMember(env.db, { accountId: account.id, email: "them@example.test", name: "Them", role: "member" });
    const current = hashToken(await createSession(env.ctx, { userId: me.id, method: "password" }));
    const mine = hashToken(await createSession(env.ctx, { userId: me.id, method: "password" }));
    const theirs = hashToken(await createSession(env.ctx, { userId: them.id, method: "password" }));
    expect((await endOwnSessions(env.ctx, { userId: me.id, currentIdHash: current, idHash: theirs, actor: actorFor(me) })).ok).toBe(false);
    expect((await endOwnSessions(env.ctx, { userId: me.id, currentIdHash: current, idHash: current, actor: actorFor(me) })).ok).toBe(false);
    expect(await endOwnSessions(env.ctx, { userId: me.id, currentIdHash: current, idHash: mine, actor: actorFor(me) })).toEqual({
      ok: true,
      value: { ended: 1 },
    });
    const left = (await env.db.select({ idHash: sessions.idHash }).from(sessions)).map((r) => r.idHash);
    expect(left).toEqual(expect.arrayContaining([current, theirs]));
    expect(left).not.toContain(mine);
  });
});

describe("sign-up", () => {
  it("creates the login only when the link is followed, once", async () => {
    const sent = await requestSignUp(env.ctx, { email: "New.Person@Example.test", name: "New", password: "a-long-password", ip: null });
    expect(sent).toEqual({ ok: true, value: { email: "new.person@example.test" } });
    expect(await env.db.select().from(users).where(eq(users.email, "new.person@example.test"))).toHaveLength(0);
    const mail = await env.smtp.waitForEmail({ to: "new.person@example.test" });
    const token = new URL(mail.links.find((l) => l.includes("/api/signup/verify"))!).searchParams.get("token")!;
    const done = await completeSignUp(env.ctx, { token, ip: null, userAgent: null });
    expect(done.ok).toBe(true);
    const [user] = await env.db.select().from(users).where(eq(users.email, "new.person@example.test"));
    expect(user!.emailVerifiedAt).not.toBeNull();
    expect((await completeSignUp(env.ctx, { token, ip: null, userAgent: null })).ok).toBe(false);
    const [row] = await env.db.select().from(signUpRequests).where(eq(signUpRequests.email, "new.person@example.test"));
    expect(row!.passwordHash).not.toContain("a-long-password");

    const created = await createWorkspace(env.ctx, { userId: user!.id, name: "Newco", slug: "newco", actor: actorFor(user!) });
    expect(created.ok).toBe(true);
    const [membership] = await env.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(membership).toMatchObject({ role: "admin", source: "signup" });
    expect(await createWorkspace(env.ctx, { userId: user!.id, name: "Again", slug: "newco", actor: actorFor(user!) })).toEqual({
      ok: false,
      error: { field: "slug", message: 'The address "newco" is taken. Pick another.' },
    });
  });

  it("answers the same for an address that has a login, and creates nothing", async () => {
    const account = await ensureAccount(env.db, { name: "Ex", slug: "ex" });
    await ensureMember(env.db, { accountId: account.id, email: "taken@example.test", name: "Taken", role: "member", password: "taken-password" });
    expect(await requestSignUp(env.ctx, { email: "taken@example.test", name: "", password: "a-long-password", ip: null })).toEqual({
      ok: true,
      value: { email: "taken@example.test" },
    });
    expect(await env.db.select().from(signUpRequests).where(eq(signUpRequests.email, "taken@example.test"))).toHaveLength(0);
    const mail = await env.smtp.waitForEmail({ to: "taken@example.test" });
    expect(mail.subject).toMatch(/already have/);
  });
});

describe("the sign-up limit", () => {
  const signUp = (email: string, ip: string | null) => requestSignUp(env.ctx, { email, name: "", password: "a-long-password", ip });

  it("refuses a fourth request for one address within the window, with a time to wait, and audits it", async () => {
    for (let i = 0; i < 3; i++) expect((await signUp("flood@example.test", `10.50.0.${i}`)).ok).toBe(true);
    const refused = await signUp("Flood@Example.test", "10.50.0.9");
    expect(refused).toMatchObject({ ok: false, error: { code: "rate_limited", retryAfterMinutes: 15 } });
    expect(!refused.ok && refused.error.message).toMatch(/Try again in 15 minutes/);
    expect(await env.db.select().from(signUpRequests).where(eq(signUpRequests.email, "flood@example.test"))).toHaveLength(3);
    const [event] = await env.db.select().from(auditEvents).where(eq(auditEvents.action, "sign_up.rate_limited"));
    expect(event).toMatchObject({ actorLabel: "flood@example.test", metadata: { reason: "rate_limited", retryAfterMinutes: 15 } });
  });

  it("refuses an eleventh request from one IP for any address, and gives no IP quota when the IP is unknown", async () => {
    for (let i = 0; i < 10; i++) expect((await signUp(`ip-${i}@example.test`, "10.51.0.1")).ok).toBe(true);
    expect(await signUp("ip-next@example.test", "10.51.0.1")).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect((await signUp("ip-next@example.test", "10.51.0.2")).ok).toBe(true);
    for (let i = 0; i < 12; i++) expect((await signUp(`noip-${i}@example.test`, null)).ok).toBe(true);
  });
});

describe("the development seed", () => {
  it("adds a Google provider with its secret encrypted, turns Federated Login on, and makes the demo admin staff, once", async () => {
    const account = await ensureAccount(env.db, { name: "Acme", slug: "acme-seed" });
    const admin = await ensureMember(env.db, { accountId: account.id, email: "admin@acme-seed.test", name: "Ada", role: "admin" });
    const input = {
      issuer: "http://localhost:3100/oidc/google",
      discoveryUrl: "http://localhost:3100/oidc/google/.well-known/openid-configuration",
      clientId: "gatehouse-google",
      clientSecret: "sandbox-secret-google",
      encryptionKey: "k",
      staffEmail: admin.email,
    };
    expect(await seedDevLoginProvider(env.db, input)).toEqual({ created: true });
    expect(await seedDevLoginProvider(env.db, input)).toEqual({ created: false });
    const [google] = await env.db.select().from(loginProviders).where(eq(loginProviders.identifier, "google"));
    expect(google).toMatchObject({ enabled: true, buttonText: "Login with Google" });
    expect(google!.clientSecretEncrypted).not.toContain("sandbox-secret-google");
    const [settings] = await env.db.select().from(deploymentSettings);
    expect(settings!.federatedLoginEnabled).toBe(true);
    expect(await isStaffUser(env.db, admin.id)).toBe(true);
  });
});
