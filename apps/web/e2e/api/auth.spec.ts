import { accounts, and, apiKeys, eq, memberships } from "@gatehouse/db";
import { expect, signIn, test } from "../support/fixtures";
import { accountKey, envelope, orgUrl, otherAccount, personalToken, withKey } from "./api-support";

// Who may call the API, and what each kind of caller reaches, over real HTTP against the built app.

test("without a key or session the API answers 401 in the envelope; a bad key is named as such", async ({ request }) => {
  await envelope(await request.get("/api/user/organizations"), 401, "UNAUTHENTICATED");
  await envelope(await request.get("/api/user/organizations", { headers: { "X-Api-Key": "gh_not-a-real-key" } }), 401, "INVALID_API_KEY");
});

test("an account key reaches its own account only: another account's id is a 404", async ({ request, db, team }) => {
  const key = await accountKey(db, team.accountId);
  const api = withKey(request, key.token);
  const listed = await envelope<{ id: string; slug: string; role: string }[]>(await api.get("/api/user/organizations"), 200, "OK");
  expect(listed.data).toEqual([{ id: team.accountId, name: expect.any(String), slug: team.slug, role: "admin" }]);

  const other = await otherAccount(db);
  await envelope(await api.get(orgUrl(other.id, "/domains")), 404, "NOT_FOUND");
  await envelope(await api.post(orgUrl(other.id, "/domains"), { domain: "stolen.test" }), 404, "NOT_FOUND");
  await envelope(await api.get(orgUrl("not-a-uuid", "/members")), 404, "NOT_FOUND");
  await envelope(await api.get(orgUrl(team.accountId, "/domains")), 200);

  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
  expect(row!.lastUsedAt).not.toBeNull();
});

test("a revoked key and an expired key get 401", async ({ request, db, team }) => {
  const revoked = await accountKey(db, team.accountId);
  await envelope(await withKey(request, revoked.token).get("/api/user/organizations"), 200);
  await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, revoked.id));
  await envelope(await withKey(request, revoked.token).get("/api/user/organizations"), 401, "API_KEY_REVOKED");

  const expired = await accountKey(db, team.accountId);
  await db
    .update(apiKeys)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(apiKeys.id, expired.id));
  await envelope(await withKey(request, expired.token).get("/api/user/organizations"), 401, "API_KEY_EXPIRED");
});

test("a read-only key reads but writing gets 403, and a refused request does not count as a use of the key", async ({ request, db, team }) => {
  const key = await accountKey(db, team.accountId, "read");
  const api = withKey(request, key.token);
  const lastUsedAt = async () => (await db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]!.lastUsedAt;
  await envelope(await api.post(orgUrl(team.accountId, "/domains"), { domain: "readonly.test" }), 403, "INSUFFICIENT_SCOPE");
  await envelope(await api.delete(orgUrl(team.accountId, "/settings/sso")), 403, "INSUFFICIENT_SCOPE");
  await envelope(await api.get(orgUrl((await otherAccount(db)).id, "/members")), 404, "NOT_FOUND");
  expect(await lastUsedAt()).toBeNull();
  await envelope(await api.get(orgUrl(team.accountId, "/members")), 200);
  expect(await lastUsedAt()).not.toBeNull();
});

test("a personal access token acts as its member: their role, and it works under requireMfa", async ({ request, db, team }) => {
  await db.update(accounts).set({ requireMfa: true }).where(eq(accounts.id, team.accountId));
  const memberApi = withKey(request, (await personalToken(db, team.accountId, team.member)).token);
  const listed = await envelope<{ role: string }[]>(await memberApi.get("/api/user/organizations"), 200);
  expect(listed.data.map((a) => a.role)).toEqual(["member"]);
  await envelope(await memberApi.get(orgUrl(team.accountId, "/domains")), 403, "FORBIDDEN");

  const adminApi = withKey(request, (await personalToken(db, team.accountId, team.admin)).token);
  await envelope(await adminApi.get(orgUrl(team.accountId, "/domains")), 200);
  const audit = await envelope<{ events: { action: string; actor: { label: string } }[] }>(
    await adminApi.get(orgUrl(team.accountId, "/audit-events?action=api_key.")),
    200,
  );
  expect(audit.data.events.map((e) => e.action)).toContain("api_key.created");

  // A token stops with its member's membership.
  await db.delete(memberships).where(and(eq(memberships.accountId, team.accountId), eq(memberships.userId, team.member.id)));
  await envelope(await memberApi.get("/api/user/organizations"), 401, "API_KEY_OWNER_NOT_MEMBER");
});

test("past the per-key limit the API answers 429 with Retry-After", async ({ request, db, team }) => {
  const key = await accountKey(db, team.accountId);
  // The window already holds the default limit (600), as after a burst.
  await db.update(apiKeys).set({ rateWindowStartedAt: new Date(), rateWindowCount: 600 }).where(eq(apiKeys.id, key.id));
  const limited = await withKey(request, key.token).get("/api/user/organizations");
  const body = await envelope(limited, 429, "RATE_LIMITED");
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(body.message).toMatch(/Try again in \d+ seconds/);
});

test("a signed-in session reads the API; its writes must come from this site (Origin)", async ({ page, team }) => {
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  const listed = await envelope<{ id: string }[]>(await page.request.get("/api/user/organizations"), 200);
  expect(listed.data.map((a) => a.id)).toContain(team.accountId);
  await envelope(await page.request.post(orgUrl(team.accountId, "/domains"), { data: { domain: "session.test" } }), 403, "CROSS_SITE_REQUEST");
  await envelope(
    await page.request.post(orgUrl(team.accountId, "/domains"), { data: { domain: "session.test" }, headers: { Origin: "https://evil.example" } }),
    403,
    "CROSS_SITE_REQUEST",
  );
  const origin = new URL(page.url()).origin;
  await envelope(
    await page.request.post(orgUrl(team.accountId, "/domains"), { data: { domain: "session.test" }, headers: { Origin: origin } }),
    201,
    "CREATED",
  );
});
