import type { MembershipEnforcement } from "./decide-sign-in-policy";

/** For table tests: a membership of the account `name` with no requirement, changed by `over`. */
export const membershipOf = (name: string, over: Partial<MembershipEnforcement> = {}): MembershipEnforcement => ({
  account: { id: `id-${name}`, name, slug: name.toLowerCase() },
  authRequired: "any",
  enforcementSuspendedUntil: null,
  ssoExempt: false,
  ssoExemptUntil: null,
  emailOnEnforcingDomain: false,
  ...over,
});
