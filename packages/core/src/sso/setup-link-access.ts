/**
 * What the recipient of an SSO setup link may do. The link hands over the connection wizard of one
 * account and nothing else: no members, domains, audit log, and switching on stays with the
 * account's admins (it changes how every member signs in).
 */
export type SetupLinkStep =
  | "view_connections"
  | "save_connection"
  | "test_connection"
  | "manage_certificates"
  | "authenticate"
  | "switch_on"
  | "switch_off"
  | "delete_connection"
  | "send_test_email"
  | "mark_tested"
  | "manage_scim"
  | "console_page";

export type SetupLinkDecision = { allowed: true } | { allowed: false; reason: string };

const ADMINS_ONLY = "Only the account's admins can do this; the setup link covers configuring and testing the connection.";

// Every step is listed (null = allowed), so a new step cannot slip through without a decision.
const REFUSALS: Record<SetupLinkStep, string | null> = {
  view_connections: null,
  save_connection: null,
  test_connection: null,
  manage_certificates: null,
  authenticate: "Authenticate is run by one of the account's admins: it signs in to the account.",
  switch_on: "Switching single sign-on on stays with the account's admins. They have been told when it is ready.",
  switch_off: ADMINS_ONLY,
  delete_connection: ADMINS_ONLY,
  send_test_email: "Test emails go to the account's members, who a setup link does not show.",
  mark_tested: ADMINS_ONLY,
  manage_scim: ADMINS_ONLY,
  console_page: "A setup link opens this account's single sign-on setup only.",
};

export function decideSetupLinkStep(step: SetupLinkStep): SetupLinkDecision {
  const reason = REFUSALS[step];
  return reason ? { allowed: false, reason } : { allowed: true };
}

export type SetupLinkState = "usable" | "expired" | "revoked";

/** Whether a setup link still opens the setup; a revoked link says so even after it would have expired. */
export function setupLinkState(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): SetupLinkState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "usable";
}
