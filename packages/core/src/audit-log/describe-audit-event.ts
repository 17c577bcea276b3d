import { ROLE_LABELS } from "../limits";

/** What a sentence needs from one audit event; names come from the users table when known. */
export type DescribableAuditEvent = {
  action: string;
  actorLabel: string;
  /** The actor's display name, when the actor is a user who has one. */
  actorName?: string | null;
  targetLabel: string | null;
  /** The target's display name, when the target is a user who has one. */
  targetName?: string | null;
  metadata: Record<string, unknown>;
};

type Parts = { who: string; target: string; m: Record<string, unknown>; e: DescribableAuditEvent };

/** Refusal and failure codes in words; an unknown code is shown as words from its name. */
const REASONS: Record<string, string> = {
  wrong_password: "wrong password",
  no_password_set: "no password set for this login",
  unknown_email: "no login with this email",
  rate_limited: "too many attempts",
  sso_required: "this account requires SSO",
  mfa_required: "MFA required",
  mfa_enrolment_required: "an account requires MFA, which is not set up",
  wrong_code: "wrong code",
  taken_over: "another account verified it",
  idp_error: "the identity provider returned an error",
  no_subject: "the identity provider sent no subject",
};

const words = (code: string): string => code.replace(/[._]+/g, " ").trim();
/** A reason code in words; a reason already written as a sentence is kept as it is. */
export const reasonInWords = (reason: unknown): string => {
  if (typeof reason !== "string" || !reason) return "no reason given";
  return REASONS[reason] ?? (/^[a-z0-9_.]+$/.test(reason) ? words(reason) : reason);
};
const roleName = (role: unknown): string => (role === "admin" || role === "member" ? ROLE_LABELS[role] : typeof role === "string" ? role : "?");
const str = (value: unknown): string =>
  value === null || value === undefined || value === "" ? "none" : typeof value === "string" ? value : JSON.stringify(value);
const fromTo = (m: Record<string, unknown>, show: (v: unknown) => string = str): string =>
  "from" in m || "to" in m ? ` from ${show(m.from)} to ${show(m.to)}` : "";
const onOff = (v: unknown): string => (v === true ? "on" : v === false ? "off" : str(v));
const date = (v: unknown): string => (typeof v === "string" && v ? v.slice(0, 10) : "no date");
const authRequirement = (v: unknown): string => ({ any: "any method", mfa: "MFA for passwords", sso: "SSO only" })[String(v)] ?? str(v);
/** An exemption as recorded: words from describeExemption ("none", "no end date", "until 2026-12-31"); older rows held booleans and dates. */
const exemptionWords = (v: unknown): string => {
  if (v === true) return "exempt";
  if (v === false || v === "none") return "not exempt";
  if (v === "no end date") return "exempt with no end date";
  if (typeof v === "string") return `exempt until ${date(v.replace(/^until /, ""))}`;
  return str(v);
};
const possessive = (name: string): string => (name.endsWith("s") ? `${name}'` : `${name}'s`);

type Describe = (p: Parts) => string;

/** How a switch into an account proved MFA after the password (session.account_proved). */
const PROOF_MFA: Record<string, string> = {
  authenticator_app: " and an authenticator app code",
  recovery_code: " and a recovery code",
  remembered_device: " on a remembered device",
};

/** ": button text (Sign in → Sign in with Okta), scopes" — short values shown, long ones named only. */
function settingsList(changes: unknown): string {
  if (!changes || typeof changes !== "object") return "";
  const items = Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>).map(([key, change]) => {
    const name = key.replace(/([A-Z])/g, " $1").toLowerCase();
    const from = typeof change?.from === "string" || typeof change?.from === "number" || typeof change?.from === "boolean" ? String(change.from) : null;
    const to = typeof change?.to === "string" || typeof change?.to === "number" || typeof change?.to === "boolean" ? String(change.to) : null;
    return from !== null && to !== null && from.length + to.length <= 80 ? `${name} (${from || "empty"} → ${to || "empty"})` : name;
  });
  return items.length ? `: ${items.join(", ")}` : "";
}

/** One sentence per action; `who` is the actor as a person reads it, `target` what was acted on. */
const SENTENCES: Record<string, Describe> = {
  "sign_in.password.succeeded": ({ who }) => `${who} signed in with a password`,
  "sign_in.password.failed": ({ e, m }) => `Password sign-in refused for ${e.actorLabel}: ${reasonInWords(m.reason)}`,
  "sign_in.password.refused": ({ e, m }) => `Password sign-in refused for ${e.actorLabel}: ${reasonInWords(m.reason)}`,
  "sign_in.password.rate_limited": ({ e, m }) =>
    `Password sign-in blocked for ${e.actorLabel}: too many attempts${typeof m.retryAfterMinutes === "number" ? `, retry in ${m.retryAfterMinutes} min` : ""}`,
  "sign_in.sso.succeeded": ({ who, target, m }) => `${who} signed in through SSO (${target})${m.provisioned ? ", new member created" : ""}`,
  "sign_in.sso.refused": ({ e, target, m }) =>
    `SSO sign-in refused for ${e.actorLabel} through ${target}: ${reasonInWords(m.reason ?? m.code)}${typeof m.code === "string" && m.reason !== m.code ? ` (${m.code})` : ""}`,
  "sign_in.sso.verification_sent": ({ who, target }) => `Email verification sent to ${who} before an SSO sign-in through ${target}`,
  "sign_in.social.succeeded": ({ who, target, m }) => `${who} signed in with ${target}${m.provisioned ? ", new user created" : ""}`,
  "sign_in.social.verification_sent": ({ who, target }) => `Email verification sent to ${who} before a sign-in with ${target}`,
  "sign_in.social.refused": ({ e, m }) => `Social sign-in refused for ${e.actorLabel}: ${reasonInWords(m.reason)}`,
  "sign_in.mfa.succeeded": ({ who }) => `${who} completed the MFA step of a sign-in`,
  "sign_in.mfa.failed": ({ e, m }) => `MFA step failed for ${e.actorLabel}: ${reasonInWords(m.reason ?? "wrong_code")}`,
  sign_out: ({ who }) => `${who} signed out`,
  "session.account_proved": ({ who, target, m }) =>
    `${who} proved access to ${target === "—" ? "this account" : target} with a password${PROOF_MFA[String(m.mfa)] ?? ""}`,
  "password_reset.requested": ({ who, target, m }) =>
    m.requestedByAdmin ? `${who} sent a password reset link to ${target}` : `${who} asked for a password reset link`,
  "password_reset.completed": ({ who }) => `${who} set a new password with a reset link`,
  "password_reset.rate_limited": ({ e }) => `Password reset blocked for ${e.actorLabel}: too many requests`,

  "sso.connection.created": ({ who, target, m }) => `${who} created the SSO connection ${target} (${str(m.provider).toUpperCase()})`,
  "sso.connection.updated": ({ who, target, m }) => `${who} changed the settings of the SSO connection ${target}${settingsList(m.changes)}`,
  "sso.connection.deleted": ({ who, target }) => `${who} deleted the SSO connection ${target}`,
  "sso.connection.enabled": ({ who, target }) => `${who} switched on the SSO connection ${target}`,
  "sso.connection.disabled": ({ who, target, m }) =>
    `${who} switched off the SSO connection ${target}${typeof m.sessionsEnded === "number" ? ` (${m.sessionsEnded} sessions ended)` : ""}`,
  "sso.connection.certificate_added": ({ who, target, m }) => `${who} added a signing certificate to ${target} (valid until ${date(m.notAfter)})`,
  "sso.connection.certificate_removed": ({ who, target, m }) => `${who} removed a signing certificate from ${target} (valid until ${date(m.notAfter)})`,
  "sso.connection.metadata_refreshed": ({ target }) => `The IdP metadata of ${target} was refreshed with changes`,
  "sso.connection.entity_id_claimed": ({ target }) => `${target} claimed its IdP entity ID`,
  "sso.connection.entity_id_released": ({ target }) => `${target} released its IdP entity ID`,
  "sso.connection.entity_id_refused": ({ target }) => `${target} could not claim its IdP entity ID: another account uses it`,
  "sso.connection.logo_set": ({ who, target }) => `${who} set the logo of ${target}`,
  "sso.connection.logo_removed": ({ who, target }) => `${who} removed the logo of ${target}`,
  "sso.connection.marked_tested": ({ who, target }) => `${who} marked ${target} as tested`,
  "sso.connection.test_passed": ({ who, target }) => `${who} ran Test Connection on ${target}: passed`,
  "sso.connection.test_failed": ({ who, target, m }) =>
    `${who} ran Test Connection on ${target}: failed${Array.isArray(m.failed) && m.failed.length ? ` (${m.failed.join(", ")})` : ""}`,
  "sso.connection.secret_expiry_changed": ({ who, target, m }) => `${who} changed the client secret expiry of ${target}${fromTo(m, date)}`,
  "sso.connection.expiry_reminder_sent": ({ target, m }) =>
    `Reminder sent to the admins: the ${m.what === "secret" ? "client secret" : "signing certificate"} of ${target} expires in ${str(m.daysLeft)} days`,
  "sso.setup_link_created": ({ who, target }) => `${who} sent a single sign-on setup link to ${target}`,
  "sso.setup_link_resent": ({ who, target }) => `${who} re-sent the single sign-on setup link to ${target}`,
  "sso.setup_link_revoked": ({ who, target }) => `${who} revoked the single sign-on setup link of ${target}`,
  "sso.setup_link_opened": ({ who }) => `${who} opened the single sign-on setup`,
  "sso.setup_link_authenticate_refused": ({ who, target }) => `${who} was refused finishing a setup link's Authenticate of ${target}`,
  "sso.setup_link_refused": ({ who, m }) => `${who} tried to open the single sign-on setup: the link ${m.reason === "revoked" ? "was revoked" : "had expired"}`,
  "sso.authenticate.succeeded": ({ who, target }) => `${who} ran Authenticate on ${target}: succeeded`,
  "sso.authenticate.failed": ({ who, target, m }) => `${who} ran Authenticate on ${target}: failed — ${str(m.reason)}`,
  "sso.test.requested": ({ who, target, m }) => `${who} asked ${typeof m.email === "string" ? m.email : "a member"} to test ${target} by email`,
  "sso.test.email_failed": ({ who, target }) => `${who} asked for a test sign-in of ${target}, but the email could not be sent`,
  "sso.test.succeeded": ({ who, target }) => `${who} completed a test sign-in through ${target}`,
  "sso.test.failed": ({ who, target, m }) => `A test sign-in by ${who} through ${target} failed — ${str(m.reason)}`,
  "sso.disabled": ({ who, m }) =>
    `${who} disabled SSO${typeof m.connectionsSwitchedOff === "number" ? ` (${m.connectionsSwitchedOff} connections switched off)` : ""}`,

  "domain.added": ({ who, target }) => `${who} added the domain ${target}`,
  "domain.removed": ({ who, target }) => `${who} removed the domain ${target}`,
  "domain.checked": ({ who, target, m }) => `${who} checked the domain ${target}: ${str(m.to)}`,
  "domain.verified": ({ target }) => `The domain ${target} was verified`,
  "domain.pending": ({ target }) => `The domain ${target} is waiting for its DNS record`,
  "domain.lost": ({ target, m }) => `The domain ${target} lost its verification: ${reasonInWords(m.reason ?? m.result)}`,
  "domain.subdomains_changed": ({ who, target, m }) => `${who} turned subdomains ${onOff(m.to ?? m.includeSubdomains)} for ${target}`,
  "domain.auto_join_changed": ({ who, target, m }) => `${who} changed auto-join for ${target}${fromTo(m, onOff)}`,
  "domain.sso_enforcement_changed": ({ who, target, m }) => `${who} changed SSO enforcement for ${target}${fromTo(m, onOff)}`,
  "join_request.created": ({ who }) => `${who} asked to join the account`,
  "join_request.approved": ({ who, target }) => `${who} approved the join request of ${target}`,
  "join_request.declined": ({ who, target }) => `${who} declined the join request of ${target}`,

  "member.invited": ({ who, target, m }) => `${who} invited ${target} as ${roleName(m.role)}`,
  "invite.revoked": ({ who, target }) => `${who} revoked the invitation of ${target}`,
  "invite.accepted": ({ who, m }) => `${who} accepted an invitation and joined as ${roleName(m.role)}`,
  "invite.resent": ({ who, target }) => `${who} resent the invitation of ${target}`,
  "member.role_changed": ({ who, target, m }) => `${who} changed ${possessive(target)} role${fromTo(m, roleName)}`,
  "member.removed": ({ who, target }) => `${who} removed ${target} from the account`,
  "member.imported": ({ who, target }) => `${who} added ${target} as a managed member`,
  "member.provisioned": ({ target, m }) => `${target} joined through SSO as ${roleName(m.role)}`,
  "member.joined_through_domain": ({ who }) => `${who} joined through a verified domain`,
  "member.sso_exemption_changed": ({ who, target, m }) => `${who} changed the SSO exemption of ${target}${fromTo(m, exemptionWords)}`,
  "member.sso_exemption_ended": ({ target, m }) => `The SSO exemption of ${target} (${str(m.from)}) ended`,
  "member.sessions_ended": ({ who, target, m }) =>
    `${who} ended the sessions of ${target}${typeof m.sessionsEnded === "number" ? ` (${m.sessionsEnded})` : ""}`,

  "security.auth_required_changed": ({ who, m }) => `${who} changed the authentication requirement${fromTo(m, authRequirement)}`,
  "security.require_mfa_changed": ({ who, m }) => `${who} turned required MFA${fromTo(m, onOff)}`,
  // Recorded with `count` (enforcement switched on, a suspension's end); `sessionsEnded` kept for older rows.
  "security.sessions_ended": ({ who, m }) => `${who} ended ${str(m.count ?? m.sessionsEnded)} sessions that were not signed in through SSO`,
  "security.enforcement_suspended": ({ who, m }) =>
    `${who} suspended SSO enforcement${m.until ? ` until ${str(m.until).replace("T", " ").slice(0, 16)} UTC` : ""}`,
  "security.enforcement_restored": ({ who }) => `${who} restored SSO enforcement`,

  "mfa.enrolled": ({ who }) => `${who} set up MFA`,
  "mfa.reset": ({ who, target }) => `${who} reset the MFA of ${target}`,
  "mfa.removed": ({ who }) => `${who} removed their MFA`,
  "mfa.recovery_code_used": ({ who }) => `${who} signed in with a recovery code`,
  "mfa.recovery_codes_regenerated": ({ who }) => `${who} made new recovery codes`,

  "scim.enabled": ({ who }) => `${who} switched on SCIM provisioning`,
  "scim.disabled": ({ who }) => `${who} switched off SCIM provisioning`,
  "scim.default_role_changed": ({ who, m }) => `${who} changed the SCIM default role${fromTo(m, roleName)}`,
  "scim.token_rotated": ({ who }) => `${who} rotated the SCIM token`,
  "scim.token_revoked": ({ who }) => `${who} revoked a SCIM token`,
  "scim.self_test_run": ({ who }) => `${who} ran the SCIM self-test`,
  "scim.user_created": ({ who, target }) => `${who} created the user ${target}`,
  "scim.user_updated": ({ who, target }) => `${who} updated the user ${target}`,
  "scim.user_deleted": ({ who, target }) => `${who} deleted the user ${target}`,
  "scim.email_changed": ({ who, m }) => `${who} changed a member's email${fromTo(m)}`,
  "scim.member_added": ({ who, target }) => `${who} added ${target} to the account`,
  "scim.member_reactivated": ({ who, target }) => `${who} reactivated ${target}`,
  "scim.member_deactivated": ({ who, target }) => `${who} deactivated ${target}`,
  "scim.member_deleted": ({ who, target }) => `${who} removed ${target} (deleted in the directory)`,
  "scim.group_created": ({ who, target }) => `${who} created the group ${target}`,
  "scim.group_updated": ({ who, target }) => `${who} updated the group ${target}`,
  "scim.group_deleted": ({ who, target }) => `${who} deleted the group ${target}`,

  "api_key.created": ({ who, target }) => `${who} created the API key ${target}`,
  "api_key.revoked": ({ who, target }) => `${who} revoked the API key ${target}`,
  "login_provider.created": ({ who, target }) => `${who} added the login provider ${target}`,
  "login_provider.updated": ({ who, target }) => `${who} changed the login provider ${target}`,
  "login_provider.deleted": ({ who, target }) => `${who} removed the login provider ${target}`,
};

/** Who did it, as a person reads it: a support action names our staff member. */
function actorOf(e: DescribableAuditEvent): string {
  const name = e.actorName?.trim() || e.actorLabel;
  return e.metadata.bySupport === true ? `Gatehouse support (${name})` : name;
}

/**
 * A readable sentence for one audit event ("Ana Admin changed Bob's role from Member to Account
 * Admin"). Support actions end with their reason; an action with no sentence yet still reads as
 * words with its target and values, never as the bare code.
 */
export function describeAuditEvent(e: DescribableAuditEvent): string {
  const parts: Parts = { who: actorOf(e), target: e.targetName?.trim() || e.targetLabel || "—", m: e.metadata, e };
  const sentence = SENTENCES[e.action]?.(parts) ?? fallbackSentence(parts);
  const reason = e.metadata.bySupport === true && typeof e.metadata.reason === "string" ? ` — reason: ${e.metadata.reason}` : "";
  return sentence + reason;
}

function fallbackSentence({ who, e, m }: Parts): string {
  const target = e.targetName?.trim() || e.targetLabel;
  return `${who}: ${words(e.action)}${target ? ` (${target})` : ""}${fromTo(m)}`;
}
