import { describe, expect, it } from "vitest";
import { scimDirectories, scimTokens, eq } from "@gatehouse/db";
import { ensureAccount, issueScimToken, listScimTokens, revokeScimToken, rotateScimToken, verifyScimToken } from "../src";
import { insertOktaConnection } from "./connection-fixture";
import { useCoreContext } from "./harness";

const env = useCoreContext();

async function directory(tag: string) {
  const account = await ensureAccount(env.db, { name: `Scim ${tag}`, slug: `scim-${tag}` });
  const connection = await insertOktaConnection(env.db, account.id);
  const [dir] = await env.db.insert(scimDirectories).values({ accountId: account.id, connectionId: connection.id }).returning();
  return dir!;
}

describe("SCIM bearer tokens", () => {
  it("are stored hashed, work for their own directory only, and stop when revoked", async () => {
    const dir = await directory("t1");
    const other = await directory("t2");
    const issued = await issueScimToken(env.db, dir.id);
    const [row] = await env.db.select().from(scimTokens).where(eq(scimTokens.id, issued.id));
    expect(JSON.stringify(row)).not.toContain(issued.token);
    expect(issued.token.startsWith(issued.prefix)).toBe(true);
    expect((await verifyScimToken(env.db, dir.id, issued.token))?.id).toBe(issued.id);
    expect(await verifyScimToken(env.db, other.id, issued.token)).toBeNull();
    expect(await verifyScimToken(env.db, dir.id, `${issued.token}x`)).toBeNull();
    expect(await revokeScimToken(env.db, dir.id, issued.id)).toBe(true);
    expect(await verifyScimToken(env.db, dir.id, issued.token)).toBeNull();
  });

  it("a rotated token keeps working for the grace period, then stops", async () => {
    const dir = await directory("t3");
    const first = await issueScimToken(env.db, dir.id);
    const now = new Date();
    const rotated = await rotateScimToken(env.db, dir.id, now);
    expect((await verifyScimToken(env.db, dir.id, first.token, new Date(now.getTime() + 3_600_000)))?.id).toBe(first.id);
    expect(await verifyScimToken(env.db, dir.id, first.token, new Date(rotated.graceUntil.getTime() + 1000))).toBeNull();
    expect((await verifyScimToken(env.db, dir.id, rotated.token, new Date(rotated.graceUntil.getTime() + 1000)))?.id).toBe(rotated.id);
    expect((await listScimTokens(env.db, dir.id)).map((t) => t.prefix)).toEqual([rotated.prefix, first.prefix]);
  });
});
