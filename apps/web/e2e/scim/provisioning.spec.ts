import { randomBytes } from "node:crypto";
import { eq, scimDirectories, ssoConnections, users } from "@gatehouse/db";
import { hashPassword, issueScimToken } from "@gatehouse/core";
import { expect, PASSWORD, signIn, test, waitForEmail } from "../support/fixtures";

// SCIM provisioning over real HTTP against the built app. The directory and its token are made
// through core (the console screens are the SCIM console journey's test).

test("a member provisioned over SCIM appears on the team page; deactivating them ends their open session", async ({ browser, page, db, team, request }) => {
  const [connection] = await db
    .insert(ssoConnections)
    .values({
      accountId: team.accountId,
      provider: "okta",
      name: "Okta",
      buttonText: "Sign in with Okta",
      attributeMapping: {
        email: "email",
        firstName: "given_name",
        lastName: "family_name",
        displayName: "name",
        username: "preferred_username",
        picture: "picture",
      },
    })
    .returning();
  const [directory] = await db.insert(scimDirectories).values({ accountId: team.accountId, connectionId: connection!.id }).returning();
  const { token } = await issueScimToken(db, directory!.id);
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json", Accept: "application/scim+json" };
  const base = `/scim/v2/${directory!.id}`;
  const email = `scim-${randomBytes(3).toString("hex")}@e2e.test`;

  expect((await request.get(`${base}/Users`, { headers: { Accept: "application/scim+json" } })).status()).toBe(401);
  const created = await request.post(`${base}/Users`, {
    headers,
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: email,
      name: { givenName: "Sam", familyName: "Scim" },
      emails: [{ primary: true, value: email, type: "work" }],
      externalId: "00u-e2e",
      active: true,
    },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["content-type"]).toContain("application/scim+json");
  const { id } = (await created.json()) as { id: string };
  const invite = await waitForEmail(email, /You now have access to/);
  expect(invite.text).toContain("There is no password to set");

  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toBeVisible();

  // The provisioned member would sign in through Okta; a password set here stands in for the IdP.
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.email, email));
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, email);
  await expect(memberPage).toHaveURL(/\/settings\/team/);

  const off = await request.patch(`${base}/Users/${id}`, {
    headers,
    data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Replace", path: "active", value: "False" }] },
  });
  expect(off.status()).toBe(200);
  expect(((await off.json()) as { active: boolean }).active).toBe(false);

  await memberPage.getByRole("link", { name: "Team" }).click();
  await expect(memberPage).toHaveURL(/\/login/);
  await page.reload();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toHaveCount(0);
  await memberContext.close();
});
