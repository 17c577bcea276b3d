import { describe, expect, it } from "vitest";
import { getConnection, saveConnection, ssoUrls } from "../../src";
import { baseSettings, makeTeam, useSsoStack } from "../flows/harness";

const stack = useSsoStack();

describe("default names of generic connections", () => {
  it("a SAML connection saved with the default texts is named after its IdP; typed ones stay", async () => {
    const team = await makeTeam(stack.ctx, "default-names");
    const urls = ssoUrls(stack.ctx.appUrl);
    const app = stack.sandbox.createSamlApp({ acsUrl: urls.samlAcsUrl, spEntityId: urls.spEntityId, name: "default-names" });
    const host = new URL(app.entityId).host;
    const save = (extra: Record<string, unknown>, connectionId?: string) =>
      saveConnection(stack.ctx, {
        accountId: team.account.id,
        actor: team.actor,
        connectionId,
        data: {
          ...baseSettings("saml"),
          provider: "saml",
          samlSource: "metadata_url",
          metadataUrl: app.metadataUrl,
          clockSkewSeconds: 120,
          idpInitiatedEnabled: false,
          ...extra,
        },
      });

    const saved = await save({ name: "SAML 2.0", buttonText: "Sign in with SSO" });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    expect(await getConnection(stack.ctx.db, team.account.id, saved.value.id)).toMatchObject({ name: host, buttonText: `Sign in with ${host}` });

    const typed = await save({ name: "Acme staff", buttonText: "Acme login" }, saved.value.id);
    expect(typed.ok).toBe(true);
    expect(await getConnection(stack.ctx.db, team.account.id, saved.value.id)).toMatchObject({ name: "Acme staff", buttonText: "Acme login" });
  });
});
