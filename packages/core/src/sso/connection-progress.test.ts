import { describe, expect, it } from "vitest";
import { connectionProgress } from "./connection-progress";

const states = (p: ReturnType<typeof connectionProgress>) => p.steps.map((s) => `${s.id}:${s.state}`).join(" ");

describe("connectionProgress", () => {
  it.each<[string, Parameters<typeof connectionProgress>[0], string, string, string | null]>([
    [
      "just saved",
      { enabled: false, isVerified: false, lastTestPassed: false },
      "Not yet proven",
      "save:done test:current authenticate:todo switch_on:todo",
      "test",
    ],
    [
      "test passed",
      { enabled: false, isVerified: false, lastTestPassed: true },
      "Not yet proven",
      "save:done test:done authenticate:current switch_on:todo",
      "authenticate",
    ],
    [
      "authenticated without a test: the test step is ticked too",
      { enabled: false, isVerified: true, lastTestPassed: false },
      "Ready to switch on",
      "save:done test:done authenticate:done switch_on:current",
      "switch_on",
    ],
    ["switched on", { enabled: true, isVerified: true, lastTestPassed: true }, "On", "save:done test:done authenticate:done switch_on:done", null],
    [
      "on, but settings changed since it was proven",
      { enabled: true, isVerified: false, lastTestPassed: false },
      "On",
      "save:done test:current authenticate:todo switch_on:done",
      "test",
    ],
  ])("%s", (_name, input, status, steps, next) => {
    const progress = connectionProgress(input);
    expect(progress.status).toBe(status);
    expect(states(progress)).toBe(steps);
    expect(progress.next?.step ?? null).toBe(next);
  });
});
