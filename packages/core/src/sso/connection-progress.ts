export type SetupStepId = "save" | "test" | "authenticate" | "switch_on" | "verify_domain" | "require_sso";
/** `href`: where a step is done when it is not on the connection's page (the follow-ups). */
export type SetupStep = { id: SetupStepId; label: string; state: "done" | "current" | "todo"; href?: string };
export type ConnectionProgress = {
  /** A state, not a verdict: what the connection is now. */
  status: "Not yet proven" | "Ready to switch on" | "On";
  steps: SetupStep[];
  /** The one thing to do next, or null when the connection is on and proven. */
  next: { step: SetupStepId; text: string; href?: string } | null;
};

/** What the account has done beyond the connection; absent where those steps are not the viewer's. */
export type SetupFollowUps = { domainVerified: boolean; ssoRequired: boolean };

type StepDefinition = { id: SetupStepId; label: string; next: string; href?: string };

const STEPS: StepDefinition[] = [
  { id: "save", label: "Save", next: "Save the connection's settings." },
  { id: "test", label: "Test Connection", next: "Run Test Connection: it checks that we can reach your IdP with these settings." },
  { id: "authenticate", label: "Authenticate", next: "Authenticate: sign in through your IdP once, as yourself, to prove the settings work." },
  { id: "switch_on", label: "Switch on", next: "Switch the connection on: members then see its button on the sign-in page." },
];

// After the switch: what makes the connection the way in (routing by domain) and then the only way in.
const FOLLOW_UPS: StepDefinition[] = [
  {
    id: "verify_domain",
    label: "Verify a domain",
    next: "Verify your email domain: members who type their work email on the sign-in page then go straight to this IdP.",
    href: "/settings/domains",
  },
  {
    id: "require_sso",
    label: "Require SSO",
    next: "When everyone has signed in with it, require SSO for the account or for your verified domains (optional).",
    href: "/settings/security#auth-requirement",
  },
];

/**
 * Where a saved connection stands on the path Save → Test Connection → Authenticate → Switch on.
 * A passed Authenticate also proves what Test Connection checks, so it ticks that step too.
 */
export function connectionProgress(input: {
  enabled: boolean;
  isVerified: boolean;
  lastTestPassed: boolean;
  followUps?: SetupFollowUps | null;
}): ConnectionProgress {
  const done: Record<SetupStepId, boolean> = {
    save: true,
    test: input.lastTestPassed || input.isVerified,
    authenticate: input.isVerified,
    switch_on: input.enabled,
    verify_domain: input.followUps?.domainVerified ?? false,
    require_sso: input.followUps?.ssoRequired ?? false,
  };
  const steps = input.followUps ? [...STEPS, ...FOLLOW_UPS] : STEPS;
  const current = steps.find((step) => !done[step.id]);
  return {
    status: input.enabled ? "On" : input.isVerified ? "Ready to switch on" : "Not yet proven",
    steps: steps.map((step) => ({
      id: step.id,
      label: step.label,
      state: done[step.id] ? "done" : step === current ? "current" : "todo",
      ...(step.href ? { href: step.href } : {}),
    })),
    next: current ? { step: current.id, text: current.next, ...(current.href ? { href: current.href } : {}) } : null,
  };
}
