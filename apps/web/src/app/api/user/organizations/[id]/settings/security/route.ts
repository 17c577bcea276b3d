import { getSecuritySettings, updateSecuritySettings, type SecuritySettingsError } from "@gatehouse/core";
import { apiRoute } from "@/server/api/api-route";
import { notFound, refuse, succeed, type ApiReply } from "@/server/api/envelope";
import { getSecuritySettingsSpec, putSecuritySettingsSpec } from "@/server/api/specs/security";
import { coreContext } from "@/server/context";

export const GET = apiRoute(getSecuritySettingsSpec, async ({ account }) => {
  const settings = await getSecuritySettings(coreContext(), account.id);
  return settings ? succeed({ authRequired: settings.authRequired, requireMfa: settings.requireMfa }) : notFound("account");
});

export const PUT = apiRoute(putSecuritySettingsSpec, async ({ caller, account, body }) => {
  const updated = await updateSecuritySettings(coreContext(), {
    accountId: account.id,
    actor: caller.actor,
    authRequired: body.authRequired,
    requireMfa: body.requireMfa,
    confirmation: body.confirm ?? null,
  });
  if (!updated.ok) return refusal(updated.error, account.slug);
  const ended = updated.value.endedSessions;
  return succeed(
    { authRequired: body.authRequired, requireMfa: body.requireMfa },
    ended > 0 ? `Saved. ${ended} session(s) not signed in through SSO ended.` : "Saved.",
  );
});

function refusal(error: SecuritySettingsError, slug: string): ApiReply {
  switch (error.code) {
    case "forbidden":
      return refuse(403, "FORBIDDEN", "Only account admins can do this.");
    case "not_found":
      return notFound("account");
    case "needs_fresh_test":
      return refuse(
        409,
        "needs_fresh_test",
        "Test a switched-on connection first: SSO can be required only after Authenticate or a test sign-in succeeded in the last 24 hours.",
      );
    case "would_lock_out":
      return refuse(
        409,
        "would_lock_out",
        `${error.lockedOut.length} member(s) could no longer sign in (data.lockedOut). Exempt at least one admin, or send confirm: "${slug}" to go ahead.`,
        { lockedOut: error.lockedOut.map(({ userId, email, name, role }) => ({ userId, email, name, role })) },
      );
    case "confirmation_mismatch":
      return refuse(409, "confirmation_mismatch", `Send confirm: "${slug}" (the account's slug) to switch SSO on.`);
  }
}
