import { describe, expect, it } from "vitest";
import { eq, ssoConnections } from "@gatehouse/db";
import { Browser, loginForm } from "@gatehouse/testing/browser";
import { completeOidcCallback, getConnection, ssoUrls, startSsoFlow } from "../../src";
import { makeOidcConnection as makeSandboxOidcConnection, useSsoStack } from "./harness";

const stack = useSsoStack();
const request = { ip: "127.0.0.1", userAgent: "vitest" };

const makeOidcConnection = (
  tag: string,
  provider: "okta" | "entra" | "google" | "oidc",
  extra: Record<string, unknown> = {},
  authMethod: "client_secret_post" | "client_secret_basic" | "none" = "client_secret_post",
) => makeSandboxOidcConnection(stack, tag, { provider, extra, authMethod });

/** Drives the sandbox's login screen over HTTP, as a browser would, up to our redirect URI. */
async function signInAt(connection: Awaited<ReturnType<typeof makeOidcConnection>>["connection"], email: string) {
  const started = await startSsoFlow(stack.ctx, { connection, purpose: "sign_in" });
  if (!started.ok || !("redirectUrl" in started.value)) throw new Error(JSON.stringify(started));
  const browser = new Browser();
  const page = await browser.follow(started.value.redirectUrl);
  const form = loginForm(page);
  const redirectUri = ssoUrls(stack.ctx.appUrl).oidcRedirectUri;
  const back = await browser.follow(form.action, { form: { ...form.hidden, email } }, redirectUri);
  expect(back.location?.startsWith(redirectUri)).toBe(true);
  return completeOidcCallback(stack.ctx, { url: new URL(back.location!), request, browserSecret: started.value.browserSecret });
}

describe("OIDC sign-in against the sandbox", () => {
  it.each([
    ["okta", "client_secret_post"],
    ["entra", "client_secret_basic"],
    ["oidc", "none"],
  ] as const)("signs a member in through %s with %s", async (provider, method) => {
    const setup = await makeOidcConnection(`oidc-${provider}`, provider, {}, method);
    const { ensureMember, resolveSession } = await import("@gatehouse/core");
    await ensureMember(stack.ctx.db, { accountId: setup.account.id, email: "alice@acme.test", name: "Alice", role: "member" });
    const outcome = await signInAt(setup.connection, "alice@acme.test");
    expect(outcome.kind).toBe("signed_in");
    const session = await resolveSession(stack.ctx, (outcome as { sessionId: string }).sessionId);
    expect(session).toMatchObject({
      method: "sso",
      connectionId: setup.connection.id,
      user: { email: "alice@acme.test" },
      activeAccount: { id: setup.account.id },
    });
  });

  it("a known sandbox user who is a member signs in; a stranger is refused", async () => {
    const setup = await makeOidcConnection("acme-like", "okta");
    // The sandbox knows admin@acme.test; make them a member of this account.
    const { ensureMember } = await import("@gatehouse/core");
    await ensureMember(stack.ctx.db, { accountId: setup.account.id, email: "Admin@Acme.test", name: "Ada", role: "member" });
    expect((await signInAt(setup.connection, "admin@acme.test")).kind).toBe("signed_in");
    expect(await signInAt(setup.connection, "newhire@acme.test")).toMatchObject({
      kind: "refused",
      message: "newhire@acme.test is not a member of this account.",
    });
  });

  it("Google Workspace refuses an account outside its hosted domain", async () => {
    const setup = await makeOidcConnection("google-hd", "google", { googleHostedDomain: "acme.test" });
    const { ensureMember } = await import("@gatehouse/core");
    await ensureMember(stack.ctx.db, { accountId: setup.account.id, email: "outsider@gmail.test", name: "Out", role: "member" });
    expect(await signInAt(setup.connection, "outsider@gmail.test")).toMatchObject({
      kind: "refused",
      message: expect.stringContaining("not an account of the Google Workspace domain acme.test"),
    });
  });

  it("explains a wrong client secret", async () => {
    const setup = await makeOidcConnection("bad-secret", "okta");
    const { encryptSecret } = await import("@gatehouse/core");
    await stack.ctx.db
      .update(ssoConnections)
      .set({ clientSecretEncrypted: encryptSecret("the-secret-id-not-value", stack.ctx.encryptionKey), updatedAt: new Date() })
      .where(eq(ssoConnections.id, setup.connection.id));
    const connection = (await getConnection(stack.ctx.db, setup.account.id, setup.connection.id))!;
    const outcome = await signInAt(connection, "admin@acme.test");
    expect(outcome).toMatchObject({ kind: "refused", advice: expect.stringContaining("Value, not its Secret ID") });
  });

  it("never stores the client secret in plaintext", async () => {
    const setup = await makeOidcConnection("secret-at-rest", "okta");
    const rows = await stack.ctx.db.$client`select * from sso_connections where id = ${setup.connection.id}`;
    expect(setup.clientSecret).toBeTruthy();
    expect(JSON.stringify(rows)).not.toContain(setup.clientSecret!);
    expect(String(rows[0]!.client_secret_encrypted)).toMatch(/^v1\./);
  });
});
