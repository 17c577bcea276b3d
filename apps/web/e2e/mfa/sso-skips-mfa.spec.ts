import { accounts, eq } from "@gatehouse/db";
import { test } from "../support/fixtures";
import { configureOkta, freshPage } from "../support/issue9-connections";
import { authenticateAndSwitchOn, memberSignsInWithSso } from "../support/sso-wizard";
import { enrolDirectly } from "./authenticator";

test("an SSO sign-in skips our MFA step (the IdP owns MFA), even for an enrolled member of an account requiring it", async ({ browser, page, db }) => {
  const { team, buttonText } = await configureOkta(page);
  await authenticateAndSwitchOn(page, team.admin.email);
  await enrolDirectly(db, team.member);
  await db.update(accounts).set({ requireMfa: true }).where(eq(accounts.id, team.account.id));

  const memberPage = await freshPage(browser);
  // Straight to the console: no /login/mfa on the way.
  await memberSignsInWithSso(memberPage, team.account.slug, buttonText, team.member.email);
});
