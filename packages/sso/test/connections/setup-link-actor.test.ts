import { describe, expect, it } from "vitest";
import { setupLinkActor } from "@gatehouse/core";
import { deleteConnection, getConnection, setConnectionEnabled } from "../../src";
import { makeSamlConnection, useSsoStack } from "../flows/harness";

// Issue 18: a setup link's recipient configures and tests; switching on (and off, and deleting)
// stays with the account's admins, whatever the recipient posts.

const stack = useSsoStack();

describe("a setup link's recipient cannot switch a connection on or off, or delete it", () => {
  it("refuses each with the reason, and leaves the connection as it was", async () => {
    const x = await makeSamlConnection(stack, "setup-link-actor");
    const viaLink = setupLinkActor({ id: "00000000-0000-4000-8000-00000000000a", accountId: x.account.id, email: "ops@it.test" }, null);
    const before = await getConnection(stack.ctx.db, x.account.id, x.connection.id);

    for (const enabled of [true, false]) {
      const result = await setConnectionEnabled(stack.ctx, { accountId: x.account.id, connectionId: x.connection.id, enabled, actor: viaLink });
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/admins/) });
    }
    expect(await deleteConnection(stack.ctx, { accountId: x.account.id, connectionId: x.connection.id, actor: viaLink })).toMatchObject({ ok: false });
    expect((await getConnection(stack.ctx.db, x.account.id, x.connection.id))?.enabled).toBe(before?.enabled);
  });
});
