import { sql } from "@gatehouse/db";
import { listEmailsOverHttp } from "@gatehouse/testing";
import { expect, signIn, test, waitForEmail } from "../support/fixtures";

// Two `next start` processes on one PostgreSQL (e2e/run-two-instances.ts); both run job workers.
const A = process.env.E2E_INSTANCE_A_URL!;
const B = process.env.E2E_INSTANCE_B_URL!;

test("the periodic sweep runs once per tick although both instances schedule and work it", async ({ db }) => {
  test.setTimeout(180_000);
  // Both instances registered the SAML metadata refresh (every minute in this run) and checked
  // the schedule on start. Uncoordinated, each would have run it then: two runs seconds apart.
  // pg-boss lets one instance turn a tick into a job (at most one cron pass per 30 s overall).
  const runs = async () =>
    (await db.execute(sql`
      select created_on as "createdOn", state from gatehouse_jobs.job
      where name = 'sso.saml-metadata-refresh' order by created_on`)) as unknown as Array<{ createdOn: string; state: string }>;
  // The first tick comes at the next minute boundary, seen by a schedule check that runs every
  // 30 s: up to about 90 s after the instances start.
  await expect.poll(async () => (await runs()).some((r) => r.state === "completed"), { timeout: 100_000, intervals: [2_000] }).toBe(true);
  // Both instances check the schedule every 30 s: give the other one time to (wrongly) add a run.
  await new Promise((resolve) => setTimeout(resolve, 35_000));
  const times = (await runs()).map((r) => new Date(r.createdOn).getTime());
  expect(times.length).toBeGreaterThan(0);
  for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!, "seconds between two runs of the sweep").toBeGreaterThan(20_000);
});

test("an email requested on instance A is delivered once, by whichever worker takes it", async ({ page, team, db }) => {
  const sentAfter = new Date();
  await page.goto(`${A}/forgot-password`);
  await page.getByLabel("Email").fill(team.member.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/we sent it a link/)).toBeVisible();

  await waitForEmail(team.member.email, /password/i, sentAfter);
  // Both workers poll the queue: a second delivery would arrive within a few polls.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const received = (await listEmailsOverHttp(process.env.SMTP_CAPTURE_HTTP_URL!, team.member.email)).filter((e) => /password/i.test(e.subject));
  expect(received).toHaveLength(1);
  const rows = (await db.execute(sql`select status, error from email_outbox where "to" = ${team.member.email}`)) as unknown as Array<{
    status: string;
    error: string | null;
  }>;
  expect(rows).toEqual([{ status: "sent", error: null }]);
});

test("a session signed out on instance A is refused on instance B at its next request", async ({ page, context, team }) => {
  await signIn(page, team.admin.email);
  await expect(page).toHaveURL(/\/settings\/team/);
  // The same session works on the other replica (same cookie domain, same secret, same database).
  await page.goto(`${B}/settings/team`);
  await expect(page).toHaveURL(`${B}/settings/team`);
  await expect(page.getByRole("heading", { name: /team/i }).first()).toBeVisible();

  const kept = await context.cookies();
  const { csrfToken } = (await (await page.request.get(`${A}/api/auth/csrf`)).json()) as { csrfToken: string };
  const signedOut = await page.request.post(`${A}/api/auth/signout`, { form: { csrfToken }, maxRedirects: 0 });
  expect(signedOut.status()).toBeLessThan(400);
  // Put the old cookie back, as a browser still holding it on B would send it.
  await context.addCookies(kept);
  await page.goto(`${B}/settings/team`);
  await expect(page).toHaveURL(/\/login/);
});
