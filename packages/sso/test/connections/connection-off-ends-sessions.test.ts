import { describe, expect, it } from "vitest";
import { createSession, resolveSession } from "@gatehouse/core";
import { deleteConnection, setConnectionEnabled } from "../../src";
import { makeSamlConnection, useSsoStack } from "../flows/harness";
import { samlSignIn } from "./helpers";

// Issue #12 item 4: switching a connection off, or deleting it, ends the sessions it signed in.
// Sessions of the same people through a password or through another connection are not its to end.

const stack = useSsoStack();

/** X's admin signed in through X and with a password; another account's admin signed in through its connection Y. */
async function signedInThreeWays(tag: string) {
  const x = await makeSamlConnection(stack, `${tag}-x`);
  const y = await makeSamlConnection(stack, `${tag}-y`);
  const email = x.admin.email;
  const throughX = await samlSignIn(stack, { connection: x.connection, appId: x.app.id, email });
  const throughY = await samlSignIn(stack, { connection: y.connection, appId: y.app.id, email: y.admin.email });
  if (throughX.kind !== "signed_in" || throughY.kind !== "signed_in") throw new Error(JSON.stringify({ throughX, throughY }));
  const password = await createSession(stack.ctx, { userId: x.admin.id, method: "password" });
  return { x, sessions: { throughX: throughX.sessionId, throughY: throughY.sessionId, password } };
}

const alive = async (sessionId: string) => (await resolveSession(stack.ctx, sessionId)) !== null;

describe("a connection switched off or deleted ends its SSO sessions", () => {
  it("switching it off ends the sessions it signed in; password and other connections' sessions survive", async () => {
    const { x, sessions } = await signedInThreeWays("off-ends");
    expect(await alive(sessions.throughX)).toBe(true);

    expect(await setConnectionEnabled(stack.ctx, { accountId: x.account.id, connectionId: x.connection.id, enabled: false, actor: x.actor })).toEqual({
      ok: true,
      value: undefined,
    });

    expect(await alive(sessions.throughX)).toBe(false);
    expect(await alive(sessions.password)).toBe(true);
    expect(await alive(sessions.throughY)).toBe(true);
  });

  it("deleting it ends the sessions it signed in; password and other connections' sessions survive", async () => {
    const { x, sessions } = await signedInThreeWays("delete-ends");
    expect(await alive(sessions.throughX)).toBe(true);

    expect(await deleteConnection(stack.ctx, { accountId: x.account.id, connectionId: x.connection.id, actor: x.actor })).toEqual({
      ok: true,
      value: undefined,
    });

    expect(await alive(sessions.throughX)).toBe(false);
    expect(await alive(sessions.password)).toBe(true);
    expect(await alive(sessions.throughY)).toBe(true);
  });

  it("a sign-in through it after it was switched off is refused and opens no session", async () => {
    const x = await makeSamlConnection(stack, "off-then-sign-in");
    await setConnectionEnabled(stack.ctx, { accountId: x.account.id, connectionId: x.connection.id, enabled: false, actor: x.actor });
    expect(await samlSignIn(stack, { connection: x.connection, appId: x.app.id, email: x.admin.email })).toMatchObject({ kind: "refused" });
  });
});
