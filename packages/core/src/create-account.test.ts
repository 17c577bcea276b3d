import { describe, expect, it } from "vitest";
import { checkAccountSlug } from "./create-account";

describe("checkAccountSlug", () => {
  it.each([
    ["acme", { ok: true, value: "acme" }],
    [" Acme-EU ", { ok: true, value: "acme-eu" }],
    ["a1", { ok: true, value: "a1" }],
    ["a", { ok: false }],
    ["acme--eu", { ok: false }],
    ["-acme", { ok: false }],
    ["acme_eu", { ok: false }],
    ["acme eu", { ok: false }],
    ["x".repeat(49), { ok: false }],
  ] as const)("%j → %o", (input, expected) => {
    expect(checkAccountSlug(input)).toMatchObject(expected);
  });
});
