import { describe, expect, it } from "vitest";
import { classifyAddress, refusedKind, PUBLIC_ONLY, type AddressKind } from "./address-policy";

const table: [string, AddressKind][] = [
  ["8.8.8.8", "public"],
  ["2606:4700:4700::1111", "public"],
  ["127.0.0.1", "loopback"],
  ["127.3.4.5", "loopback"],
  ["::1", "loopback"],
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["10.1.2.3", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.254", "private"],
  ["192.168.1.10", "private"],
  ["100.64.0.1", "private"],
  ["fd00::1", "private"],
  ["::ffff:10.0.0.1", "private"],
  ["0.0.0.0", "reserved"],
  ["0.1.2.3", "reserved"],
  ["169.254.169.254", "reserved"],
  ["::ffff:169.254.169.254", "reserved"],
  ["fe80::1", "reserved"],
  ["::", "reserved"],
  ["::7f00:1", "reserved"],
  ["224.0.0.1", "reserved"],
  ["255.255.255.255", "reserved"],
  ["240.0.0.1", "reserved"],
  ["192.0.2.1", "reserved"],
  ["198.18.0.1", "reserved"],
  ["64:ff9b::7f00:1", "reserved"],
  ["2002:7f00:1::", "reserved"],
  ["2001:db8::1", "reserved"],
  ["ff02::1", "reserved"],
  ["not-an-address", "reserved"],
];

describe("classifyAddress", () => {
  it.each(table)("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});

describe("refusedKind", () => {
  const cases: [string, { allowLoopback: boolean; allowPrivate: boolean }, string | null][] = [
    ["8.8.8.8", PUBLIC_ONLY, null],
    ["127.0.0.1", PUBLIC_ONLY, "loopback"],
    ["127.0.0.1", { allowLoopback: true, allowPrivate: false }, null],
    ["10.0.0.1", { allowLoopback: true, allowPrivate: false }, "private"],
    ["10.0.0.1", { allowLoopback: false, allowPrivate: true }, null],
    ["127.0.0.1", { allowLoopback: false, allowPrivate: true }, "loopback"],
    // Cloud metadata and the unspecified address stay out of reach whatever the deployment allows.
    ["169.254.169.254", { allowLoopback: true, allowPrivate: true }, "reserved"],
    ["0.0.0.0", { allowLoopback: true, allowPrivate: true }, "reserved"],
  ];
  it.each(cases)("%s under %j → %s", (address, policy, expected) => {
    expect(refusedKind(address, policy)).toBe(expected);
  });
});
