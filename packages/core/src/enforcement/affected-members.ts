import type { AuthRequirement } from "@gatehouse/db";
import { enforcesSsoFor } from "./decide-sign-in-policy";

/** An account's SSO rule at one moment: the requirement, a support suspension, the enforcing domains. */
export type AccountSsoRule = { authRequired: AuthRequirement; enforcementSuspendedUntil: Date | null; enforcingDomainIds: string[] };

type MemberFacts = { ssoExempt: boolean; ssoExemptUntil: Date | null; domainId: string | null };

const account = { id: "", name: "", slug: "" };

/** Whether the rule requires SSO of this member now (their exemption and domain considered). */
export function isEnforcedUnder<M extends MemberFacts>(member: M, rule: AccountSsoRule, now: Date): boolean {
  return enforcesSsoFor(
    {
      account,
      authRequired: rule.authRequired,
      enforcementSuspendedUntil: rule.enforcementSuspendedUntil,
      ssoExempt: member.ssoExempt,
      ssoExemptUntil: member.ssoExemptUntil,
      emailOnEnforcingDomain: member.domainId !== null && rule.enforcingDomainIds.includes(member.domainId),
    },
    now,
  );
}

/** Members the new rule requires SSO of who could still use a password before: their other sessions end. */
export function newlyEnforcedMembers<M extends MemberFacts>(members: M[], before: AccountSsoRule, after: AccountSsoRule, now: Date): M[] {
  return members.filter((m) => isEnforcedUnder(m, after, now) && !isEnforcedUnder(m, before, now));
}
