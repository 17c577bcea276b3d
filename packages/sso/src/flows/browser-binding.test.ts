import { describe, expect, it } from "vitest";
import { browserBindingHash, browserSecretFor, isSameBrowser } from "./browser-binding";

describe("browser binding", () => {
  const secret = browserSecretFor(null);

  it.each([
    ["the starting browser's secret", browserBindingHash(secret), secret, true],
    ["no cookie", browserBindingHash(secret), null, false],
    ["another browser's secret", browserBindingHash(secret), browserSecretFor(null), false],
    ["a flow opened before binding existed", null, secret, false],
    ["an empty cookie", browserBindingHash(secret), "", false],
  ] as const)("%s → %s", (_name, flowHash, cookie, expected) => {
    expect(isSameBrowser(flowHash, cookie)).toBe(expected);
  });

  it("keeps a well-formed secret (so two tabs share it) and replaces anything else", () => {
    expect(browserSecretFor(secret)).toBe(secret);
    expect(browserSecretFor("short")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(browserSecretFor("short")).not.toBe("short");
  });
});
