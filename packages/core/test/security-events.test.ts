import { describe, expect, it } from "vitest";
import { securityEvents } from "@gatehouse/db";
import { pruneSecurityEvents, recordSecurityEvent, SECURITY_EVENTS_RETENTION_DAYS } from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();

describe("the deployment's security log", () => {
  it("keeps at most its quota per IP per minute, and drops rows past the retention", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => recordSecurityEvent(env.db, { kind: "test", ip: "203.0.113.9" }, 5)));
    expect(results.filter(Boolean)).toHaveLength(5);

    const old = new Date(Date.now() - (SECURITY_EVENTS_RETENTION_DAYS + 1) * 86_400_000);
    await env.db.insert(securityEvents).values([
      { kind: "old", ip: null, createdAt: old },
      { kind: "old", ip: null, createdAt: old },
    ]);
    expect(await pruneSecurityEvents(env.db, new Date())).toBe(2);
    expect((await env.db.select().from(securityEvents)).map((r) => r.kind)).toEqual(Array(5).fill("test"));
  });
});
