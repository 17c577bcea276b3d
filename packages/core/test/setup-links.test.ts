import { describe, expect, it } from "vitest";
import { auditEvents, eq, ssoSetupLinks } from "@gatehouse/db";
import {
  createSetupLink,
  ensureAccount,
  ensureMember,
  hashToken,
  listSetupLinks,
  notifySetupLinkReady,
  openSetupLink,
  resendSetupLink,
  revokeSetupLink,
  setupLinkActor,
  setupLinkSenderName,
  addDomain,
  removeDomain,
  setAutoJoin,
  setDomainSsoEnforcement,
  updateSecuritySettings,
} from "../src";
import { users } from "@gatehouse/db";
import { useCoreContext } from "./harness";

const env = useCoreContext();

async function team(tag: string) {
  const account = await ensureAccount(env.db, { name: `Acme ${tag}`, slug: `acme-${tag}` });
  const admin = await ensureMember(env.db, {
    accountId: account.id,
    email: `admin-${tag}@test.dev`,
    name: "Admin",
    role: "admin",
    password: "integration-password",
  });
  const member = await ensureMember(env.db, {
    accountId: account.id,
    email: `member-${tag}@test.dev`,
    name: "Member",
    role: "member",
    password: "integration-password",
  });
  return {
    account,
    admin: { userId: admin.id, label: admin.email, ip: null },
    member: { userId: member.id, label: member.email, ip: null },
    memberEmail: member.email,
  };
}

const tokenOf = (link: string) => decodeURIComponent(new URL(link).pathname.split("/").pop()!);

describe("SSO setup links", () => {
  it("emails a link that opens once it is used, is stored hashed, and is audited under its recipient", async () => {
    const t = await team("sl1");
    const created = await createSetupLink(env.ctx, { accountId: t.account.id, email: "Ops@IT.test", actor: t.admin });
    expect(created.ok).toBe(true);
    const email = await env.smtp.waitForEmail({ to: "ops@it.test" });
    // The email names the admin by name, with their account (issue 18).
    expect(email.subject).toBe(`Admin at ${t.account.name} asked you to set up single sign-on`);
    const link = email.links.find((href) => href.includes("/setup-link/"))!;
    const token = tokenOf(link);
    const [row] = await env.db.select().from(ssoSetupLinks).where(eq(ssoSetupLinks.accountId, t.account.id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(7 * 86_400_000);

    const opened = await openSetupLink(env.ctx, { token, ip: "10.0.0.9" });
    expect(opened.ok).toBe(true);
    await openSetupLink(env.ctx, { token, ip: "10.0.0.9" });
    const events = await env.db.select().from(auditEvents).where(eq(auditEvents.accountId, t.account.id));
    expect(events.filter((e) => e.action === "sso.setup_link_opened").map((e) => e.actorLabel)).toEqual(["ops@it.test via setup link"]);
    const [listed] = await listSetupLinks(env.ctx, t.account.id);
    expect(listed!.progress).toEqual({
      opened: true,
      connectionSaved: false,
      testPassed: false,
      authenticated: false,
      domainVerified: null,
      scimTokenCreated: null,
    });
    expect(listed!.scope).toEqual(["sso"]);
  });

  it("refuses members, non-admins and the link itself; re-sending replaces the token; revoked and expired links do not open", async () => {
    const t = await team("sl2");
    expect(await createSetupLink(env.ctx, { accountId: t.account.id, email: t.memberEmail, actor: t.admin })).toMatchObject({
      ok: false,
      error: expect.stringContaining("already a member"),
    });
    expect(await createSetupLink(env.ctx, { accountId: t.account.id, email: "x@it.test", actor: t.member })).toMatchObject({ ok: false });
    const created = await createSetupLink(env.ctx, { accountId: t.account.id, email: "it@it.test", actor: t.admin });
    if (!created.ok) throw new Error(created.error);
    const [row] = await env.db.select().from(ssoSetupLinks).where(eq(ssoSetupLinks.id, created.value.linkId));
    const viaLink = setupLinkActor(row!, null);
    expect(await createSetupLink(env.ctx, { accountId: t.account.id, email: "friend@it.test", actor: viaLink })).toMatchObject({ ok: false });
    expect(await revokeSetupLink(env.ctx, { accountId: t.account.id, linkId: row!.id, actor: viaLink })).toMatchObject({ ok: false });

    const first = tokenOf((await env.smtp.waitForEmail({ to: "it@it.test" })).links.find((h) => h.includes("/setup-link/"))!);
    expect((await resendSetupLink(env.ctx, { accountId: t.account.id, linkId: row!.id, actor: t.admin })).ok).toBe(true);
    expect(await openSetupLink(env.ctx, { token: first, ip: null })).toMatchObject({ ok: false, error: "unknown" });

    const tokens = env.smtp
      .messages()
      .filter((m) => m.to.includes("it@it.test"))
      .map((m) => tokenOf(m.links.find((h) => h.includes("/setup-link/"))!));
    const second = tokens.find((token) => token !== first)!;
    await env.db
      .update(ssoSetupLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(ssoSetupLinks.id, row!.id));
    expect(await openSetupLink(env.ctx, { token: second, ip: null })).toMatchObject({ ok: false, error: "expired" });
    expect((await revokeSetupLink(env.ctx, { accountId: t.account.id, linkId: row!.id, actor: t.admin })).ok).toBe(true);
    expect(await openSetupLink(env.ctx, { token: second, ip: null })).toMatchObject({ ok: false, error: "revoked" });
    const refusals = await env.db.select().from(auditEvents).where(eq(auditEvents.action, "sso.setup_link_refused"));
    expect(refusals.filter((e) => e.accountId === t.account.id).map((e) => e.metadata)).toEqual([{ reason: "expired" }, { reason: "revoked" }]);
  });

  it("tells the admin who sent the link once when the connection is ready", async () => {
    const t = await team("sl3");
    const created = await createSetupLink(env.ctx, { accountId: t.account.id, email: "ready@it.test", actor: t.admin });
    if (!created.ok) throw new Error(created.error);
    const connectionId = "00000000-0000-4000-8000-000000000001";
    await notifySetupLinkReady(env.ctx, { linkId: created.value.linkId, connectionId, connectionName: "Okta" });
    await notifySetupLinkReady(env.ctx, { linkId: created.value.linkId, connectionId, connectionName: "Okta" });
    const email = await env.smtp.waitForEmail({ to: t.admin.label, subject: /ready to switch on/ });
    expect(email.text).toContain("ready@it.test");
    expect(env.smtp.messages().filter((m) => m.to.includes(t.admin.label) && /ready to switch on/.test(m.subject))).toHaveLength(1);
  });

  it("names who sent the link by name, by email when they have none, and no one once they are gone", async () => {
    const t = await team("sl4");
    const created = await createSetupLink(env.ctx, { accountId: t.account.id, email: "named@it.test", actor: t.admin });
    if (!created.ok) throw new Error(created.error);
    const [link] = await env.db.select().from(ssoSetupLinks).where(eq(ssoSetupLinks.id, created.value.linkId));
    expect(await setupLinkSenderName(env.ctx, link!)).toBe("Admin");
    await env.db.update(users).set({ name: " " }).where(eq(users.id, t.admin.userId));
    expect(await setupLinkSenderName(env.ctx, link!)).toBe(t.admin.label);
    expect(await setupLinkSenderName(env.ctx, { createdByUserId: null })).toBeNull();
  });

  it("stores what the link covers; its recipient adds domains but never removes, changes or enforces them", async () => {
    const t = await team("sl5");
    const created = await createSetupLink(env.ctx, { accountId: t.account.id, email: "scope@it.test", actor: t.admin, scope: ["scim", "members", "domains"] });
    if (!created.ok) throw new Error(created.error);
    expect(created.value.scope).toEqual(["sso", "domains", "scim"]);
    const email = await env.smtp.waitForEmail({ to: "scope@it.test" });
    expect(email.text).toContain("It also covers adding and verifying its email domains");
    const [link] = await env.db.select().from(ssoSetupLinks).where(eq(ssoSetupLinks.id, created.value.linkId));
    expect(link!.scope).toEqual(["sso", "domains", "scim"]);
    const [listed] = await listSetupLinks(env.ctx, t.account.id);
    expect(listed!.progress).toMatchObject({ domainVerified: false, scimTokenCreated: false });

    const viaLink = setupLinkActor(link!, null);
    const added = await addDomain(env.ctx, { accountId: t.account.id, domain: "sl5-corp.test", actor: viaLink });
    if (!added.ok) throw new Error(added.error);
    const domainId = added.value.id;
    expect(await removeDomain(env.ctx, { accountId: t.account.id, domainId, actor: viaLink })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/admins/),
    });
    expect(await setAutoJoin(env.ctx, { accountId: t.account.id, domainId, autoJoin: "off", actor: viaLink })).toMatchObject({ ok: false });
    expect(await setDomainSsoEnforcement(env.ctx, { accountId: t.account.id, domainId, enforceSso: true, actor: viaLink })).toEqual({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await updateSecuritySettings(env.ctx, { accountId: t.account.id, actor: viaLink, authRequired: "sso", requireMfa: false })).toEqual({
      ok: false,
      error: { code: "forbidden" },
    });
    const [audit] = await env.db.select().from(auditEvents).where(eq(auditEvents.action, "domain.added"));
    expect(audit).toMatchObject({ actorLabel: "scope@it.test via setup link" });
  });
});
