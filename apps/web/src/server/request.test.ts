import { afterEach, describe, expect, it, vi } from "vitest";

// ipFromHeaders reads TRUSTED_PROXY_COUNT through env(), which validates the whole environment.
const baseEnv = {
  DATABASE_URL: "postgres://user@127.0.0.1:1/none",
  AUTH_SECRET: "x".repeat(32),
  ENCRYPTION_KEY: "y".repeat(32),
};

async function ipFromHeadersWith(trustedProxyCount: string | undefined) {
  vi.resetModules();
  for (const [name, value] of Object.entries(baseEnv)) vi.stubEnv(name, value);
  vi.stubEnv("TRUSTED_PROXY_COUNT", trustedProxyCount);
  return (await import("./request")).ipFromHeaders;
}

afterEach(() => vi.unstubAllEnvs());

describe("ipFromHeaders (issue #12: forged X-Forwarded-For)", () => {
  it("ignores forwarded headers by default, so a client cannot choose the IP that is limited and audited", async () => {
    const ipFromHeaders = await ipFromHeadersWith(undefined);
    expect(ipFromHeaders(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBeNull();
    expect(ipFromHeaders(new Headers({ "x-real-ip": "6.6.6.6" }))).toBeNull();
  });

  it("behind one trusted proxy, takes the entry that proxy appended", async () => {
    const ipFromHeaders = await ipFromHeadersWith("1");
    expect(ipFromHeaders(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
  });
});
