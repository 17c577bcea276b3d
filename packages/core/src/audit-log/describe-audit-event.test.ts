import { describe, expect, it } from "vitest";
import { auditKindOf } from "./audit-kinds";
import { describeAuditEvent, type DescribableAuditEvent } from "./describe-audit-event";

const event = (action: string, over: Partial<DescribableAuditEvent> = {}): DescribableAuditEvent => ({
  action,
  actorLabel: "ana@acme.test",
  actorName: "Ana Admin",
  targetLabel: null,
  metadata: {},
  ...over,
});

describe("describeAuditEvent", () => {
  it.each<[string, DescribableAuditEvent, string]>([
    [
      "role change names both roles",
      event("member.role_changed", { targetLabel: "bob@acme.test", targetName: "Bob", metadata: { from: "member", to: "admin" } }),
      "Ana Admin changed Bob's role from Member to Account Admin",
    ],
    [
      "refused password sign-in says why",
      event("sign_in.password.failed", { actorLabel: "bob@acme.test", actorName: null, metadata: { reason: "wrong_password" } }),
      "Password sign-in refused for bob@acme.test: wrong password",
    ],
    [
      "support action names support and the reason",
      event("sso.disabled", { actorLabel: "sam@gatehouse.test", actorName: "Sam", metadata: { reason: "customer locked out", bySupport: true } }),
      "Gatehouse support (Sam) disabled SSO — reason: customer locked out",
    ],
    ["actor without a name reads as its label", event("sign_out", { actorName: "" }), "ana@acme.test signed out"],
    [
      "switching accounts says how MFA was proved",
      event("session.account_proved", { targetLabel: "Acme", metadata: { method: "password", mfa: "authenticator_app" } }),
      "Ana Admin proved access to Acme with a password and an authenticator app code",
    ],
    [
      "a switch without MFA enrolled reads as a password alone",
      event("session.account_proved", { targetLabel: "Acme", metadata: { method: "password", mfa: "not_enrolled" } }),
      "Ana Admin proved access to Acme with a password",
    ],
    [
      "a switch refused for missing MFA says why",
      event("sign_in.password.refused", { actorName: null, metadata: { reason: "mfa_enrolment_required" } }),
      "Password sign-in refused for ana@acme.test: an account requires MFA, which is not set up",
    ],
    [
      "ended sessions give their count",
      event("security.sessions_ended", {
        actorLabel: "Enforcement suspension ended",
        actorName: null,
        metadata: { reason: "enforcement_restored", count: 3, members: 2 },
      }),
      "Enforcement suspension ended ended 3 sessions that were not signed in through SSO",
    ],
    [
      "SSO refusal keeps its code",
      event("sign_in.sso.refused", {
        actorLabel: "eve@evil.test",
        targetLabel: "Okta",
        metadata: { reason: "The email's domain is not allowed.", code: "domain_not_allowed" },
      }),
      "SSO sign-in refused for eve@evil.test through Okta: The email's domain is not allowed. (domain_not_allowed)",
    ],
    [
      "ACS refusal code in words",
      event("sign_in.sso.refused", { actorLabel: "https://idp.test", targetLabel: "SAML", metadata: { reason: "audience_mismatch", stage: "acs" } }),
      "SSO sign-in refused for https://idp.test through SAML: audience mismatch",
    ],
    [
      "requirement change in words",
      event("security.auth_required_changed", { metadata: { from: "any", to: "sso" } }),
      "Ana Admin changed the authentication requirement from any method to SSO only",
    ],
    [
      "exemption until a date",
      event("member.sso_exemption_changed", { targetLabel: "carl@acme.test", metadata: { from: false, to: "2026-12-31T00:00:00.000Z" } }),
      "Ana Admin changed the SSO exemption of carl@acme.test from not exempt to exempt until 2026-12-31",
    ],
    [
      "exemption as recorded (words from describeExemption)",
      event("member.sso_exemption_changed", { targetLabel: "carl@acme.test", metadata: { from: "none", to: "until 2026-12-31" } }),
      "Ana Admin changed the SSO exemption of carl@acme.test from not exempt to exempt until 2026-12-31",
    ],
    [
      "exemption without an end date, ended by hand",
      event("member.sso_exemption_changed", { targetLabel: "carl@acme.test", metadata: { from: "no end date", to: "none" } }),
      "Ana Admin changed the SSO exemption of carl@acme.test from exempt with no end date to not exempt",
    ],
    [
      "an exemption that ran out",
      event("member.sso_exemption_ended", {
        actorLabel: "SSO exemption expiry",
        actorName: null,
        targetLabel: "carl@acme.test",
        metadata: { from: "until 2026-12-31", to: "none" },
      }),
      "The SSO exemption of carl@acme.test (until 2026-12-31) ended",
    ],
    [
      "auto-join switch",
      event("domain.auto_join_changed", { targetLabel: "acme.test", metadata: { from: false, to: true } }),
      "Ana Admin changed auto-join for acme.test from off to on",
    ],
    [
      "certificate with its expiry",
      event("sso.connection.certificate_added", { targetLabel: "Okta", metadata: { notAfter: "2027-01-02T03:04:05.000Z" } }),
      "Ana Admin added a signing certificate to Okta (valid until 2027-01-02)",
    ],
    [
      "reminder",
      event("sso.connection.expiry_reminder_sent", {
        actorLabel: "System",
        actorName: null,
        targetLabel: "Okta",
        metadata: { what: "certificate", daysLeft: 7 },
      }),
      "Reminder sent to the admins: the signing certificate of Okta expires in 7 days",
    ],
    [
      "connection settings with old and new values",
      event("sso.connection.updated", {
        targetLabel: "Okta",
        metadata: { changes: { buttonText: { from: "Sign in", to: "Sign in with Okta" }, attributeMapping: { from: { email: "a" }, to: { email: "b" } } } },
      }),
      "Ana Admin changed the settings of the SSO connection Okta: button text (Sign in → Sign in with Okta), attribute mapping",
    ],
    [
      "social sign-in names the provider (the event's target)",
      event("sign_in.social.succeeded", { targetLabel: "Google", metadata: { provisioned: false, subject: "1234" } }),
      "Ana Admin signed in with Google",
    ],
    [
      "unknown action still reads as words",
      event("billing.plan_changed", { targetLabel: "Acme", metadata: { from: "free", to: "pro" } }),
      "Ana Admin: billing plan changed (Acme) from free to pro",
    ],
  ])("%s", (_name, input, expected) => {
    expect(describeAuditEvent(input)).toBe(expected);
  });

  it("never shows the bare code, for any action recorded today", () => {
    for (const action of RECORDED_ACTIONS) {
      const sentence = describeAuditEvent(event(action, { targetLabel: "X" }));
      expect(sentence, action).not.toContain(action);
      expect(auditKindOf(action), action).not.toBe("other");
    }
  });
});

describe("auditKindOf", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["sign_in.password.failed", {}, "sign_in"],
    ["sign_out", {}, "sign_in"],
    ["password_reset.completed", {}, "sign_in"],
    ["sso.connection.updated", {}, "sso"],
    ["sso.disabled", {}, "security"],
    ["sso.disabled", { bySupport: true }, "support"],
    ["member.sso_exemption_changed", {}, "security"],
    ["member.sso_exemption_ended", {}, "security"],
    ["member.role_changed", {}, "members"],
    ["invite.revoked", {}, "members"],
    ["domain.lost", {}, "domains"],
    ["join_request.created", {}, "domains"],
    ["security.enforcement_suspended", {}, "security"],
    ["mfa.reset", {}, "mfa"],
    ["scim.user_created", {}, "scim"],
    ["api_key.created", {}, "api"],
    ["login_provider.created", {}, "sso"],
    ["billing.plan_changed", {}, "other"],
  ])("%s %o is %s", (action, metadata, kind) => {
    expect(auditKindOf(action, metadata)).toBe(kind);
  });
});

/** Every action name recorded in packages/* today (grep `action: "` and the computed ones). */
const RECORDED_ACTIONS = [
  "sign_in.password.succeeded",
  "sign_in.password.failed",
  "sign_in.password.rate_limited",
  "sign_in.sso.succeeded",
  "sign_in.sso.refused",
  "sign_in.sso.verification_sent",
  "sign_out",
  "session.account_proved",
  "sign_in.social.succeeded",
  "sign_in.social.refused",
  "sign_in.social.verification_sent",
  "password_reset.requested",
  "password_reset.completed",
  "password_reset.rate_limited",
  "sso.connection.created",
  "sso.connection.updated",
  "sso.connection.deleted",
  "sso.connection.enabled",
  "sso.connection.disabled",
  "sso.connection.certificate_added",
  "sso.connection.certificate_removed",
  "sso.connection.metadata_refreshed",
  "sso.connection.entity_id_claimed",
  "sso.connection.entity_id_released",
  "sso.connection.entity_id_refused",
  "sso.connection.logo_set",
  "sso.connection.logo_removed",
  "sso.connection.marked_tested",
  "sso.connection.test_passed",
  "sso.connection.test_failed",
  "sso.connection.secret_expiry_changed",
  "sso.connection.expiry_reminder_sent",
  "sso.setup_link_created",
  "sso.setup_link_resent",
  "sso.setup_link_revoked",
  "sso.setup_link_opened",
  "sso.setup_link_refused",
  "sso.setup_link_authenticate_refused",
  "sso.authenticate.succeeded",
  "sso.authenticate.failed",
  "sso.test.requested",
  "sso.test.email_failed",
  "sso.test.succeeded",
  "sso.test.failed",
  "domain.added",
  "domain.removed",
  "domain.checked",
  "domain.verified",
  "domain.pending",
  "domain.lost",
  "domain.subdomains_changed",
  "domain.auto_join_changed",
  "join_request.created",
  "join_request.approved",
  "join_request.declined",
  "member.invited",
  "invite.revoked",
  "invite.accepted",
  "member.role_changed",
  "member.removed",
  "member.imported",
  "member.provisioned",
  "member.joined_through_domain",
  "scim.enabled",
  "scim.disabled",
  "scim.default_role_changed",
  "scim.token_rotated",
  "scim.token_revoked",
  "scim.self_test_run",
  "scim.user_created",
  "scim.user_updated",
  "scim.user_deleted",
  "scim.email_changed",
  "scim.member_added",
  "scim.member_reactivated",
  "scim.member_deactivated",
  "scim.member_deleted",
  "scim.group_created",
  "scim.group_updated",
  "scim.group_deleted",
];
