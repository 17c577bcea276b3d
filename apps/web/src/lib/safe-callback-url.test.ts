import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/settings/team", "/settings/team"],
    ["/settings/team?page=2#x", "/settings/team?page=2#x"],
    ["https://evil.test/", "/"],
    ["//evil.test/path", "/"],
    ["/\\evil.test", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});
