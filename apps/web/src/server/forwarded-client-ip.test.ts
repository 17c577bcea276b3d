import { describe, expect, it } from "vitest";
import { forwardedClientIp } from "./forwarded-client-ip";

describe("forwardedClientIp", () => {
  it.each([
    // No trusted proxy (the default): any client can write the header, so it is ignored.
    ["forged header, no proxy", "6.6.6.6", 0, null],
    ["forged list, no proxy", "6.6.6.6, 10.0.0.1", 0, null],
    ["no header", null, 1, null],
    // One proxy appends the real client; whatever the client sent stays to its left.
    ["one proxy, honest client", "203.0.113.7", 1, "203.0.113.7"],
    ["one proxy, client forged an entry", "6.6.6.6, 203.0.113.7", 1, "203.0.113.7"],
    ["one proxy, client forged several", "1.1.1.1, 2.2.2.2,203.0.113.7", 1, "203.0.113.7"],
    // Two proxies: the second from the right is the client the outer proxy saw.
    ["two proxies", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2, "203.0.113.7"],
    ["two proxies but one entry: bypassed", "203.0.113.7", 2, null],
    ["IPv6", "2001:DB8::1", 1, "2001:db8::1"],
    ["IPv6 with port", "[2001:db8::1]:4711", 1, "2001:db8::1"],
    ["IPv4 with port", "203.0.113.7:4711", 1, "203.0.113.7"],
    ["garbage where the client should be", "6.6.6.6, not-an-ip", 1, null],
    ["script text", "<script>", 1, null],
    ["empty entry", "6.6.6.6, ", 1, null],
  ] as const)("%s", (_name, header, count, expected) => {
    expect(forwardedClientIp(header, count)).toBe(expected);
  });
});
