import { describe, expect, it } from "vitest";
import { outboundPolicy } from "./outbound-policy";

describe("outboundPolicy", () => {
  const cases = [
    { env: { NODE_ENV: "production", OUTBOUND_ALLOW_PRIVATE: "0" }, expected: { allowLoopback: false, allowPrivate: false } },
    { env: { NODE_ENV: "development", OUTBOUND_ALLOW_PRIVATE: "0" }, expected: { allowLoopback: true, allowPrivate: false } },
    { env: { NODE_ENV: "test", OUTBOUND_ALLOW_PRIVATE: "0" }, expected: { allowLoopback: true, allowPrivate: false } },
    { env: { NODE_ENV: "production", OUTBOUND_ALLOW_LOOPBACK: "1", OUTBOUND_ALLOW_PRIVATE: "0" }, expected: { allowLoopback: true, allowPrivate: false } },
    { env: { NODE_ENV: "development", OUTBOUND_ALLOW_LOOPBACK: "0", OUTBOUND_ALLOW_PRIVATE: "0" }, expected: { allowLoopback: false, allowPrivate: false } },
    { env: { NODE_ENV: "production", OUTBOUND_ALLOW_PRIVATE: "1" }, expected: { allowLoopback: false, allowPrivate: true } },
  ] as const;
  it.each(cases)("$env → $expected", ({ env, expected }) => {
    expect(outboundPolicy(env)).toEqual(expected);
  });
});
