import { ssoConnections } from "./seed";
import { expect, signIn, test } from "../support/fixtures";
import { configureOkta } from "../support/issue9-connections";

const DAY = 86_400_000;

test("the console warns about an expiring certificate and client secret, with the fix", async ({ page, team, db }) => {
  const now = Date.now();
  const [saml] = await db
    .insert(ssoConnections)
    .values({
      accountId: team.accountId,
      provider: "saml",
      name: "Okta SAML",
      buttonText: "Sign in with Okta",
      attributeMapping: { email: "email", firstName: "", lastName: "", displayName: "", username: "", picture: "" },
      certificates: [
        {
          pem: "",
          sha256Fingerprint: "AA:BB",
          subject: "CN=idp",
          notAfter: new Date(now + 5 * DAY + 3_600_000).toISOString(),
          addedAt: new Date(now).toISOString(),
          lastVerifiedAt: null,
        },
      ],
    })
    .returning({ id: ssoConnections.id });
  const [oidc] = await db
    .insert(ssoConnections)
    .values({
      accountId: team.accountId,
      provider: "okta",
      name: "Okta OIDC",
      buttonText: "Sign in with Okta",
      attributeMapping: { email: "email", firstName: "", lastName: "", displayName: "", username: "", picture: "" },
      discoveryUrl: "https://example.okta.test/.well-known/openid-configuration",
      clientId: "client",
      clientSecretExpiresAt: new Date(now + 10 * DAY + 3_600_000),
    })
    .returning({ id: ssoConnections.id });

  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  await page.goto("/settings/security");
  await expect(page.getByTestId("connection-row").filter({ hasText: "Okta SAML" })).toContainText("Certificate expires in 6 days");
  await expect(page.getByTestId("connection-row").filter({ hasText: "Okta OIDC" })).toContainText("Client secret expires in 11 days");

  await page.goto(`/settings/security/${saml!.id}`);
  await expect(page.getByText("Certificate expires soon")).toBeVisible();
  await expect(
    page.getByText(/The SAML signing certificate expires on \d{4}-\d{2}-\d{2} \(in 6 days\)\. Get the new signing certificate from your identity provider/),
  ).toBeVisible();

  await page.goto(`/settings/security/${oidc!.id}`);
  await expect(page.getByText("Client secret expires soon")).toBeVisible();
  await expect(
    page.getByText(/Create a new client secret at your identity provider, paste it into the connection's settings and enter its new expiry date\./),
  ).toBeVisible();
  const expiry = new Date(now + 10 * DAY + 3_600_000).toISOString().slice(0, 10);
  await expect(page.getByLabel("Secret expiry date (optional)")).toHaveValue(expiry);
});

test("an admin enters the client secret's expiry date: saved, warned about, audited and checked by Test Connection", async ({ page }) => {
  const { team } = await configureOkta(page);
  const expiry = new Date(Date.now() + 7 * DAY + 3_600_000).toISOString().slice(0, 10);
  await page.getByLabel("Secret expiry date (optional)").fill(expiry);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Client secret expires soon")).toBeVisible();
  await expect(page.getByLabel("Secret expiry date (optional)")).toHaveValue(expiry);

  await page.getByRole("button", { name: "Test Connection" }).click();
  await expect(page.getByTestId("test-report")).toContainText(/Client secret expiry/);
  await expect(page.getByTestId("check-item").and(page.locator('[data-status="warn"]')).filter({ hasText: "Client secret expiry" })).toHaveCount(1);

  await page.goto("/settings/audit?kind=sso");
  await expect(page.getByTestId("audit-row").filter({ hasText: `changed the client secret expiry of Okta ${team.tag} from no date to ${expiry}` })).toHaveCount(
    1,
  );
});
