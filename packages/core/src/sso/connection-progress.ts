export type SetupStepId = "save" | "test" | "authenticate" | "switch_on";
export type SetupStep = { id: SetupStepId; label: string; state: "done" | "current" | "todo" };
export type ConnectionProgress = {
  /** A state, not a verdict: what the connection is now. */
  status: "Not yet proven" | "Ready to switch on" | "On";
  steps: SetupStep[];
  /** The one thing to do next, or null when the connection is on and proven. */
  next: { step: SetupStepId; text: string } | null;
};

const STEPS: Array<{ id: SetupStepId; label: string; next: string }> = [
  { id: "save", label: "Save", next: "Save the connection's settings." },
  { id: "test", label: "Test Connection", next: "Run Test Connection: it checks that we can reach your IdP with these settings." },
  { id: "authenticate", label: "Authenticate", next: "Authenticate: sign in through your IdP once, as yourself, to prove the settings work." },
  { id: "switch_on", label: "Switch on", next: "Switch the connection on: members then see its button on the sign-in page." },
];

/**
 * Where a saved connection stands on the path Save → Test Connection → Authenticate → Switch on.
 * A passed Authenticate also proves what Test Connection checks, so it ticks that step too.
 */
export function connectionProgress(input: { enabled: boolean; isVerified: boolean; lastTestPassed: boolean }): ConnectionProgress {
  const done: Record<SetupStepId, boolean> = {
    save: true,
    test: input.lastTestPassed || input.isVerified,
    authenticate: input.isVerified,
    switch_on: input.enabled,
  };
  const current = STEPS.find((step) => !done[step.id]);
  return {
    status: input.enabled ? "On" : input.isVerified ? "Ready to switch on" : "Not yet proven",
    steps: STEPS.map((step) => ({ id: step.id, label: step.label, state: done[step.id] ? "done" : step === current ? "current" : "todo" })),
    next: current ? { step: current.id, text: current.next } : null,
  };
}
