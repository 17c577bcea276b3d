import { describe, expect, it } from "vitest";
import { safeCallbackUrl, sameSiteRedirect } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/settings/team", "/settings/team"],
    ["/settings/team?page=2#x", "/settings/team?page=2#x"],
    ["/settings/./team", "/settings/team"],
    ["/a/../settings", "/settings"],
    ["/%2e%2e/settings", "/settings"],
    ["https://evil.test/", "/"],
    ["//evil.test/path", "/"],
    ["/\\evil.test", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [undefined, "/"],
    // Issue #12: dot segments that normalise to a protocol-relative "//host".
    ["/.//evil.test", "/"],
    ["/..//evil.test", "/"],
    ["/%2e//evil.test", "/"],
    ["/%2E//evil.test", "/"],
    ["/%2e%2e//evil.test", "/"],
    ["/./\\evil.test", "/"],
    ["/../\\evil.test", "/"],
    ["/.%2f/evil.test", "/.%2f/evil.test"],
    ["/a/..//evil.test", "/"],
    ["/././/evil.test", "/"],
    ["/.\\/evil.test", "/"],
    ["/%2e/\\evil.test", "/"],
    // Control characters are dropped by URL parsers: "/\t/evil.test" would become "//evil.test".
    ["/\t/evil.test", "/"],
    ["/\n/evil.test", "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it("never returns a value a browser would resolve off-site", () => {
    const inputs = ["/.//evil.test", "/..//x", "/%2e//x", "/./\\x", "/.%2e//x", "/%2e%2e/\\x"];
    for (const input of inputs) {
      const out = safeCallbackUrl(input);
      expect(new URL(out, "https://app.example").origin).toBe("https://app.example");
    }
  });
});

describe("sameSiteRedirect (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";
  it.each([
    ["/settings/team", "http://localhost:3000/settings/team"],
    ["http://localhost:3000/settings?x=1", "http://localhost:3000/settings?x=1"],
    ["https://evil.test/", "http://localhost:3000/"],
    ["http://localhost:3000.evil.test/", "http://localhost:3000/"],
    ["//evil.test", "http://localhost:3000/"],
    ["/.//evil.test", "http://localhost:3000/"],
    ["http://localhost:3000/.//evil.test", "http://localhost:3000/"],
    ["/%2e//evil.test", "http://localhost:3000/"],
    ["javascript:alert(1)", "http://localhost:3000/"],
  ])("%j → %j", (input, expected) => {
    expect(sameSiteRedirect(input, base)).toBe(expected);
  });
});
