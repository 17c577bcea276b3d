import { expect, test, waitForEmail } from "../support/fixtures";
import { freshPage, holdSignInForEmailConfirmation, startSsoSignIn } from "../support/issue9-connections";

test("under “verify with claim”, a member whose IdP email is unverified confirms it by email first", async ({ browser, page }) => {
  const { team, buttonText, unverified, member, startedAt } = await holdSignInForEmailConfirmation(browser, page);
  await expect(member.getByText(unverified)).toBeVisible();

  const email = await waitForEmail(unverified, /Confirm your email address/, startedAt);
  const link = email.links.find((href) => href.includes("/api/sso/verify-email?token="));
  expect(link).toBeDefined();
  await member.goto(link!);
  await expect(member).toHaveURL(/\/settings\/team/);
  await expect(member.getByTestId("signed-in-as")).toHaveText(unverified);

  // Proven once for this connection: the next sign-in goes straight through.
  const again = await freshPage(browser);
  await startSsoSignIn(again, team.account.slug, buttonText, unverified);
  await expect(again).toHaveURL(/\/settings\/team/);
  await expect(again.getByTestId("signed-in-as")).toHaveText(unverified);
});
