/** A switched-on connection as the login page shows it (button text and logo). */
export type RoutableConnection = { id: string; accountId: string; name: string; buttonText: string; logoDataUrl: string | null; enabled: boolean };

/**
 * The verified domain an email falls under, with its account's sign-in name, and whether people
 * on it must use SSO (the account requires it, or the domain does, and support has not suspended it).
 */
export type DomainMatch = { accountId: string; accountSlug: string; domain: string; requiresSso?: boolean };

export type EmailRoute =
  | { kind: "idp"; connectionId: string; accountSlug: string }
  | { kind: "choose"; accountSlug: string; connections: RoutableConnection[] }
  | { kind: "password" };

/**
 * Where an email goes after the email step. Only the email's domain decides (the verified domain
 * and its account's switched-on connections): whether a user with that email exists is never an
 * input, so the answer reveals nothing about who has a login here.
 */
export function routeEmail(input: { match: DomainMatch | null; connections: RoutableConnection[] }): EmailRoute {
  const { match } = input;
  if (!match) return { kind: "password" };
  // Only the domain's own account's IdPs may receive its people (an IdP vouches for its account only).
  const usable = input.connections.filter((c) => c.enabled && c.accountId === match.accountId);
  if (usable.length === 0) return { kind: "password" };
  if (usable.length === 1) return { kind: "idp", connectionId: usable[0]!.id, accountSlug: match.accountSlug };
  return { kind: "choose", accountSlug: match.accountSlug, connections: usable };
}

/**
 * Whether "Use my password instead" is offered next to SSO: not where the domain requires SSO.
 * Only the domain decides (no user is looked up); an exempt member still reaches the password
 * step directly (/login?email=…), and the password check applies their exemption.
 */
export function offersPasswordInstead(match: DomainMatch): boolean {
  return !match.requiresSso;
}

/** Whether people on a verified domain must use SSO: account-wide `sso` or the domain's switch, unless suspended. */
export function domainRequiresSso(
  input: { authRequired: "any" | "mfa" | "sso"; domainEnforcesSso: boolean; enforcementSuspendedUntil: Date | null },
  now: Date,
): boolean {
  const suspended = input.enforcementSuspendedUntil !== null && now.getTime() < input.enforcementSuspendedUntil.getTime();
  return (input.authRequired === "sso" || input.domainEnforcesSso) && !suspended;
}
