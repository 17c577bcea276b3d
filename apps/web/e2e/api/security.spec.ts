import { accounts, and, eq, memberships, ssoConnections } from "@gatehouse/db";
import { issueApiKey } from "@gatehouse/core";
import { expect, test } from "../support/fixtures";
import { accountKey, envelope, orgUrl, otherAccount, personalToken, withKey } from "./api-support";

type Settings = { authRequired: string; requireMfa: boolean };
type LockedOut = { lockedOut: { userId: string; email: string; role: string }[] };

const MAPPING = { email: "email", firstName: "given_name", lastName: "family_name", displayName: "name", username: "preferred_username", picture: "picture" };

test("security settings: read and change, the SSO interlock as 409s, confirm by slug; read keys and other accounts refused", async ({ request, db, team }) => {
  const api = withKey(request, (await accountKey(db, team.accountId)).token);
  const url = orgUrl(team.accountId, "/settings/security");

  const initial = await envelope<Settings>(await api.get(url), 200, "OK");
  expect(initial.data).toEqual({ authRequired: "any", requireMfa: false });
  const changed = await envelope<Settings>(await api.put(url, { authRequired: "mfa", requireMfa: true }), 200, "OK");
  expect(changed.data).toEqual({ authRequired: "mfa", requireMfa: true });
  expect((await envelope<Settings>(await api.get(url), 200)).data).toEqual({ authRequired: "mfa", requireMfa: true });
  const invalid = await envelope<{ fields: Record<string, string> }>(
    await api.put(url, { authRequired: "always", requireMfa: "yes" }),
    422,
    "VALIDATION_FAILED",
  );
  expect(invalid.data.fields).toMatchObject({ authRequired: "Choose any, mfa or sso.", requireMfa: "Send true or false." });

  // No connection has passed a test yet.
  await envelope(await api.put(url, { authRequired: "sso", requireMfa: false, confirm: team.slug }), 409, "needs_fresh_test");

  // A switched-on connection that signed someone in a minute ago: now the lockout list answers.
  await db.insert(ssoConnections).values({
    accountId: team.accountId,
    provider: "okta",
    name: "Okta",
    buttonText: "Sign in with Okta",
    enabled: true,
    verifiedAt: new Date(Date.now() - 60_000),
    attributeMapping: MAPPING,
  });
  const lockout = await envelope<LockedOut>(await api.put(url, { authRequired: "sso", requireMfa: false }), 409, "would_lock_out");
  expect(lockout.data.lockedOut.map((m) => m.email).sort()).toEqual([team.admin.email, team.member.email].sort());
  expect(lockout.message).toContain(`confirm: "${team.slug}"`);
  await envelope(await api.put(url, { authRequired: "sso", requireMfa: false, confirm: "not-the-slug" }), 409, "would_lock_out");
  const [unchanged] = await db.select().from(accounts).where(eq(accounts.id, team.accountId));
  expect(unchanged!.authRequired).toBe("mfa");

  const confirmed = await envelope<Settings>(await api.put(url, { authRequired: "sso", requireMfa: false, confirm: team.slug }), 200, "OK");
  expect(confirmed.data).toEqual({ authRequired: "sso", requireMfa: false });
  const [saved] = await db.select().from(accounts).where(eq(accounts.id, team.accountId));
  expect(saved).toMatchObject({ authRequired: "sso", requireMfa: false });

  const readOnly = withKey(request, (await accountKey(db, team.accountId, "read")).token);
  expect((await envelope<Settings>(await readOnly.get(url), 200)).data.authRequired).toBe("sso");
  await envelope(await readOnly.put(url, { authRequired: "any", requireMfa: false }), 403, "INSUFFICIENT_SCOPE");

  const other = await otherAccount(db);
  await envelope(await api.get(orgUrl(other.id, "/settings/security")), 404, "NOT_FOUND");
  await envelope(await api.put(orgUrl(other.id, "/settings/security"), { authRequired: "any", requireMfa: false }), 404, "NOT_FOUND");
});

test("a personal access token stops under SSO enforcement unless made after the account's SSO sign-in; exempt members keep theirs", async ({
  request,
  db,
  team,
}) => {
  const url = orgUrl(team.accountId, "/settings/security");
  const member = { id: team.member.id, email: team.member.email };
  const passwordMade = withKey(request, (await personalToken(db, team.accountId, member, "read")).token);
  await envelope(await passwordMade.get(url), 200);

  const [connection] = await db
    .insert(ssoConnections)
    .values({
      accountId: team.accountId,
      provider: "okta",
      name: "Okta",
      buttonText: "Sign in with Okta",
      enabled: true,
      verifiedAt: new Date(),
      attributeMapping: MAPPING,
    })
    .returning();
  const other = await otherAccount(db);
  const [foreign] = await db
    .insert(ssoConnections)
    .values({
      accountId: other.id,
      provider: "okta",
      name: "Okta",
      buttonText: "Sign in with Okta",
      enabled: true,
      verifiedAt: new Date(),
      attributeMapping: MAPPING,
    })
    .returning();
  const issue = async (connectionId: string) => {
    const issued = await issueApiKey(
      { db },
      {
        accountId: team.accountId,
        kind: "personal",
        name: "after SSO",
        scope: "read",
        actor: { userId: member.id, label: member.email, ip: null },
        signedInThroughConnectionId: connectionId,
      },
    );
    if (!issued.ok) throw new Error(issued.error);
    return withKey(request, issued.value.token);
  };
  const ssoMade = await issue(connection!.id);
  const otherSsoMade = await issue(foreign!.id);

  await db.update(accounts).set({ authRequired: "sso" }).where(eq(accounts.id, team.accountId));
  const refused = await envelope(await passwordMade.get(url), 401, "SSO_REQUIRED");
  expect(refused.message).toContain("create a new token");
  await envelope(await otherSsoMade.get(url), 401, "SSO_REQUIRED");
  await envelope(await ssoMade.get(url), 200);

  await db
    .update(memberships)
    .set({ ssoExempt: true })
    .where(and(eq(memberships.accountId, team.accountId), eq(memberships.userId, member.id)));
  await envelope(await passwordMade.get(url), 200);
});
