/**
 * What the recipient of an SSO setup link may do. The link hands over the connection wizard of one
 * account (and, when the admin chose so, adding and verifying domains and SCIM tokens) and nothing
 * else: no members or audit log; switching on, enforcement and deleting stay with the account's
 * admins (they change how every member signs in).
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
  | "issue_scim_token"
  | "manage_scim"
  | "view_domains"
  | "add_domain"
  | "verify_domain"
  | "manage_domain"
  | "console_page";

/** What a setup link covers: SSO always; domains and SCIM when the admin who sent it chose them. */
export type SetupLinkScope = "sso" | "domains" | "scim";
export const SETUP_LINK_SCOPES: readonly SetupLinkScope[] = ["sso", "domains", "scim"];

export type SetupLinkDecision = { allowed: true } | { allowed: false; reason: string };

const ADMINS_ONLY = "Only the account's admins can do this; the setup link covers configuring and testing the connection.";
const NOT_IN_SCOPE = "This setup link does not cover this. Ask the account's admin for a link that does.";

// Every step is listed (null = allowed, a scope = allowed when the link covers it), so a new step
// cannot slip through without a decision.
const RULES: Record<SetupLinkStep, { needs: SetupLinkScope } | { refused: string }> = {
  view_connections: { needs: "sso" },
  save_connection: { needs: "sso" },
  test_connection: { needs: "sso" },
  manage_certificates: { needs: "sso" },
  // The recipient proves the settings with a real IdP round trip; it records a result, never a session.
  authenticate: { needs: "sso" },
  switch_on: { refused: "Switching single sign-on on stays with the account's admins. They have been told when it is ready." },
  switch_off: { refused: ADMINS_ONLY },
  delete_connection: { refused: ADMINS_ONLY },
  send_test_email: { refused: "Test emails go to the account's members, who a setup link does not show." },
  mark_tested: { refused: ADMINS_ONLY },
  issue_scim_token: { needs: "scim" },
  // Default role, revoking tokens, switching SCIM off and its request log (members' names) stay with admins.
  manage_scim: { refused: ADMINS_ONLY },
  view_domains: { needs: "domains" },
  add_domain: { needs: "domains" },
  verify_domain: { needs: "domains" },
  // Removing a domain, subdomains, joining and enforcement change who signs in how: admins only.
  manage_domain: { refused: ADMINS_ONLY },
  console_page: { refused: "A setup link opens this account's single sign-on setup only." },
};

export function decideSetupLinkStep(step: SetupLinkStep, scope: readonly SetupLinkScope[] = ["sso"]): SetupLinkDecision {
  const rule = RULES[step];
  if ("refused" in rule) return { allowed: false, reason: rule.refused };
  return rule.needs === "sso" || scope.includes(rule.needs) ? { allowed: true } : { allowed: false, reason: NOT_IN_SCOPE };
}

/** The scope a new link gets from the admin's choice: SSO always, the rest once each, in a fixed order. */
export function setupLinkScopeOf(chosen: readonly string[]): SetupLinkScope[] {
  return SETUP_LINK_SCOPES.filter((scope) => scope === "sso" || chosen.includes(scope));
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
    return refuse(
      "This Authenticate does not belong to a setup link of this account.",
      "Open the setup link from your email again and run Authenticate from there.",
    );
  const state = setupLinkState(input.link, input.now);
  if (state !== "usable")
    return refuse(
      `The setup link this Authenticate was started from ${state === "revoked" ? "was revoked" : "has expired"}.`,
      "Ask the account's admin for a new setup link.",
    );
  return { allowed: true };
}
