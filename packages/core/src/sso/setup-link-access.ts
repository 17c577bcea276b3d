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
  // The recipient proves the settings with a real IdP round trip; it records a result, never a session.
  authenticate: null,
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

export type SetupLinkFlowRefusal = { code: "setup_link_flow"; message: string; advice: string };

/**
 * Whether an SSO round trip started through a setup link may finish. Such a flow is an
 * Authenticate bound to one link and one connection of that link's account: it records a result
 * for the recipient and never signs anyone in, so any other purpose, another account's connection
 * or a link that stopped working ends it.
 */
export function decideSetupLinkFlow(input: {
  purpose: "sign_in" | "authenticate" | "test_email";
  /** The flow's link, or null when it no longer exists. */
  link: { accountId: string; expiresAt: Date; revokedAt: Date | null } | null;
  connectionAccountId: string;
  now: Date;
}): { allowed: true } | { allowed: false; refusal: SetupLinkFlowRefusal } {
  const refuse = (message: string, advice: string) => ({ allowed: false as const, refusal: { code: "setup_link_flow" as const, message, advice } });
  if (input.purpose !== "authenticate")
    return refuse("A setup link can only run Authenticate; it cannot sign anyone in.", "Sign in from the login page with your own account.");
  if (!input.link || input.link.accountId !== input.connectionAccountId)
    return refuse("This Authenticate does not belong to a setup link of this account.", "Open the setup link from your email again and run Authenticate from there.");
  const state = setupLinkState(input.link, input.now);
  if (state !== "usable")
    return refuse(
      `The setup link this Authenticate was started from ${state === "revoked" ? "was revoked" : "has expired"}.`,
      "Ask the account's admin for a new setup link.",
    );
  return { allowed: true };
}
