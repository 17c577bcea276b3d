import { describe, expect, it } from "vitest";
import type { SsoResultSummary } from "@gatehouse/db";
import { mergeConnectionActivity } from "./activity";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const summary = (s: Partial<SsoResultSummary>): SsoResultSummary => ({
  at: "",
  ok: true,
  purpose: "authenticate",
  email: null,
  name: null,
  memberLabel: null,
  reason: null,
  advice: null,
  clockOffsetSeconds: null,
  byUserEmail: null,
  ...s,
});

describe("mergeConnectionActivity", () => {
  it("lists results and member sign-ins together, newest first, with who and the outcome", () => {
    const rows = mergeConnectionActivity(
      [
        { id: "r1", createdAt: at(1), summary: summary({ purpose: "authenticate", byUserEmail: "admin@acme.test" }) },
        { id: "r2", createdAt: at(3), summary: summary({ purpose: "test_email", ok: false, byUserEmail: "member@acme.test", reason: "Wrong audience" }) },
      ],
      [
        { id: 7, createdAt: at(4), action: "sign_in.sso.succeeded", actorLabel: "member@acme.test", metadata: {} },
        { id: 8, createdAt: at(2), action: "sign_in.sso.refused", actorLabel: "unknown", metadata: { reason: "No subject" } },
        { id: 9, createdAt: at(5), action: "sign_in.sso.verification_sent", actorLabel: "new@acme.test", metadata: {} },
        { id: 10, createdAt: at(6), action: "sso.connection.updated", actorLabel: "admin@acme.test", metadata: {} },
      ],
      10,
    );
    expect(rows.map((r) => [r.what, r.who, r.outcome, r.reason])).toEqual([
      ["Member sign-in", "new@acme.test", "email confirmation sent", null],
      ["Member sign-in", "member@acme.test", "succeeded", null],
      ["Test sign-in", "member@acme.test", "failed", "Wrong audience"],
      ["Member sign-in", null, "failed", "No subject"],
      ["Authenticate", "admin@acme.test", "succeeded", null],
    ]);
  });

  it("keeps only the newest `limit` rows", () => {
    const events = [1, 2, 3].map((m) => ({ id: m, createdAt: at(m), action: "sign_in.sso.succeeded", actorLabel: `p${m}@acme.test`, metadata: {} }));
    expect(mergeConnectionActivity([], events, 2).map((r) => r.who)).toEqual(["p3@acme.test", "p2@acme.test"]);
  });
});
