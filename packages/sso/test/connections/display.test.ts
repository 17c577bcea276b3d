import { describe, expect, it } from "vitest";
import { and, auditEvents, eq } from "@gatehouse/db";
import { getConnection, setConnectionDisplay } from "../../src";
import { makeSamlConnection, useSsoStack } from "../flows/harness";

const stack = useSsoStack();
const updates = (connectionId: string) =>
  stack.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, connectionId), eq(auditEvents.action, "sso.connection.updated")));

describe("setConnectionDisplay", () => {
  it("renames the connection and its button, keeps it proven, and audits old → new", async () => {
    const setup = await makeSamlConnection(stack, "display-set");
    const before = (await getConnection(stack.ctx.db, setup.account.id, setup.connection.id))!;
    const base = { accountId: setup.account.id, connectionId: setup.connection.id, actor: setup.actor };

    expect(await setConnectionDisplay(stack.ctx, { ...base, name: "Acme Entra", buttonText: "Sign in with Acme" })).toEqual({
      ok: true,
      value: { changed: true },
    });
    const after = (await getConnection(stack.ctx.db, setup.account.id, setup.connection.id))!;
    expect([after.name, after.buttonText]).toEqual(["Acme Entra", "Sign in with Acme"]);
    expect(after.verifiedAt).toEqual(before.verifiedAt);
    const [event] = await updates(setup.connection.id);
    expect(event?.metadata).toMatchObject({
      changes: { name: { from: before.name, to: "Acme Entra" }, buttonText: { from: before.buttonText, to: "Sign in with Acme" } },
    });

    // The same values again: nothing changes, nothing is audited.
    expect(await setConnectionDisplay(stack.ctx, { ...base, name: "Acme Entra", buttonText: "Sign in with Acme" })).toEqual({
      ok: true,
      value: { changed: false },
    });
    expect(await updates(setup.connection.id)).toHaveLength(1);
  });

  it("refuses a member and changes nothing", async () => {
    const setup = await makeSamlConnection(stack, "display-refuse");
    const memberActor = { userId: setup.member.id, label: setup.member.email, ip: null };
    const input = { accountId: setup.account.id, connectionId: setup.connection.id, actor: memberActor, name: "Taken over", buttonText: "Click me" };
    expect(await setConnectionDisplay(stack.ctx, input)).toEqual({ ok: false, error: "Only account admins can configure SSO." });
    expect((await getConnection(stack.ctx.db, setup.account.id, setup.connection.id))?.name).toBe(setup.connection.name);
    expect(await updates(setup.connection.id)).toHaveLength(0);
  });
});
