import { randomBytes } from "node:crypto";
import { expect, signIn, test } from "../support/fixtures";
import { actionIdBefore } from "../support/replay";

test("an admin adds a domain, publishes its TXT record in the sandbox, verifies it, then removes it", async ({ browser, page, team }) => {
  const domain = `acme-${randomBytes(3).toString("hex")}.test`;
  await signIn(page, team.admin.email);
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Domains" }).click();
  await expect(page.getByRole("heading", { name: "Domains", level: 1 })).toBeVisible();

  await page.getByLabel("Domain").fill(domain.toUpperCase());
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByText(`${domain} added. Publish the TXT record below, then click Verify now.`)).toBeVisible();
  const card = page.getByRole("region", { name: domain });
  await expect(card.getByText("Pending", { exact: true })).toBeVisible();
  const name = (await card.getByText(/^_gatehouse-challenge\./).textContent())!;
  const value = (await card.getByText(/^gatehouse-verification=/).textContent())!;
  expect(name).toBe(`_gatehouse-challenge.${domain}`);

  // Not published yet: the exact reason is shown.
  await card.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByRole("region", { name: domain }).getByTestId("domain-check-detail")).toHaveText(
    new RegExp(`${domain.replace(".", "\\.")} does not exist in DNS`),
  );

  // Publish through the IdP sandbox's DNS page, as a newcomer would.
  const sandbox = await browser.newPage();
  await sandbox.goto(`${process.env.IDP_SANDBOX_URL}/dns`);
  await sandbox.getByLabel("Name").fill(name);
  await sandbox.getByLabel("Value").fill(value);
  await sandbox.getByRole("button", { name: "Publish record" }).click();
  await expect(sandbox.getByRole("cell", { name: value, exact: true })).toBeVisible();
  await sandbox.close();

  await page.getByRole("region", { name: domain }).getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByText(`${domain} is verified.`)).toBeVisible();
  const verified = page.getByRole("region", { name: domain });
  await expect(verified.getByText("Verified", { exact: true })).toBeVisible();
  await expect(verified.getByTestId("domain-check-detail")).toHaveCount(0);

  await verified.getByLabel("Joining").selectOption("request");
  await verified.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Joining through ${domain} saved.`)).toBeVisible();

  await page.getByRole("region", { name: domain }).getByRole("link", { name: "Remove" }).click();
  await page.getByRole("button", { name: `Remove ${domain}` }).click();
  await expect(page.getByText(`${domain} removed.`)).toBeVisible();
  await expect(page.getByRole("region", { name: domain })).toHaveCount(0);
});

test("members do not get the Domains page", async ({ page, team }) => {
  await signIn(page, team.member.email);
  await expect(page.getByTestId("signed-in-as")).toHaveText(team.member.email);
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Domains" })).toHaveCount(0);
  await page.goto("/settings/domains");
  await expect(page.getByText("Only account admins can verify domains for")).toBeVisible();
});

test("a member's replayed Add domain is refused by the console's admin guard, and nothing is added", async ({ browser, page, team, db }) => {
  // The admin's page carries the server action's id in its no-JS form; the member replays it.
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  const actionField = await actionIdBefore(page, "/settings/domains", ">Add domain<");

  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, team.member.email);
  await expect(memberPage).toHaveURL(/\/settings\/team/);
  const domain = `replayed-${randomBytes(3).toString("hex")}.test`;
  const response = await memberPage.request.post("/settings/domains", { multipart: { [actionField]: "", domain }, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(500);
  expect(new URL(response.headers()["location"] ?? "/", "http://localhost").searchParams.get("flash")).toBeTruthy();
  const rows = await db.$client`select id from account_domains where account_id = ${team.accountId} and domain = ${domain}`;
  expect(rows).toHaveLength(0);
  await memberContext.close();
});
