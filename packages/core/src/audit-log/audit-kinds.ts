/** The groups the audit log filters by; every action belongs to exactly one. */
export const AUDIT_KINDS = {
  sign_in: "Sign-ins",
  sso: "SSO",
  domains: "Domains",
  members: "Members",
  security: "Security and enforcement",
  mfa: "MFA",
  scim: "SCIM",
  support: "Support",
  api: "API",
  other: "Other",
} as const;

export type AuditKind = keyof typeof AUDIT_KINDS;

export const isAuditKind = (value: string): value is AuditKind => Object.hasOwn(AUDIT_KINDS, value);

/**
 * Which action names each kind holds, as prefixes ("member." holds "member.removed") or whole
 * names. Exact names win over prefixes: an SSO exemption is an enforcement matter although
 * its name starts with "member.".
 */
export const AUDIT_KIND_ACTIONS: Record<Exclude<AuditKind, "other">, { prefixes: string[]; exact: string[] }> = {
  sign_in: { prefixes: ["sign_in.", "session.", "password_reset."], exact: ["sign_out"] },
  sso: { prefixes: ["sso.", "login_provider."], exact: [] },
  domains: { prefixes: ["domain.", "join_request."], exact: [] },
  members: { prefixes: ["member.", "invite."], exact: [] },
  security: { prefixes: ["security.", "enforcement."], exact: ["member.sso_exemption_changed", "member.sso_exemption_ended", "sso.disabled"] },
  mfa: { prefixes: ["mfa."], exact: [] },
  scim: { prefixes: ["scim."], exact: [] },
  support: { prefixes: ["support."], exact: [] },
  api: { prefixes: ["api_key.", "personal_access_token.", "api."], exact: [] },
};

const kindEntries = Object.entries(AUDIT_KIND_ACTIONS) as [Exclude<AuditKind, "other">, { prefixes: string[]; exact: string[] }][];

/**
 * The kind of one event. An action done by our support staff (`metadata.bySupport`) is a
 * support action whatever its name, so the "Support" filter shows everything support did.
 */
export function auditKindOf(action: string, metadata: Record<string, unknown> = {}): AuditKind {
  if (metadata.bySupport === true) return "support";
  const exact = kindEntries.find(([, a]) => a.exact.includes(action));
  if (exact) return exact[0];
  let best: { kind: AuditKind; length: number } = { kind: "other", length: 0 };
  for (const [kind, a] of kindEntries) {
    for (const prefix of a.prefixes) if (action.startsWith(prefix) && prefix.length > best.length) best = { kind, length: prefix.length };
  }
  return best.kind;
}
