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

  it("takes the metadata's organization, and never repeats another connection's button text", async () => {
    const team = await makeTeam(stack.ctx, "org-names");
    const urls = ssoUrls(stack.ctx.appUrl);
    const newApp = (name: string) => stack.sandbox.createSamlApp({ acsUrl: urls.samlAcsUrl, spEntityId: urls.spEntityId, name });
    const saveDefault = async (extra: Record<string, unknown>) => {
      const saved = await saveConnection(stack.ctx, {
        accountId: team.account.id,
        actor: team.actor,
        data: { ...baseSettings("saml"), name: "SAML 2.0", provider: "saml", clockSkewSeconds: 120, idpInitiatedEnabled: false, ...extra },
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      const connection = (await getConnection(stack.ctx.db, team.account.id, saved.value.id))!;
      return { name: connection.name, buttonText: connection.buttonText };
    };
    // Pasted metadata naming its organization, as Entra's and ADFS's do.
    const withOrganization = async (app: { metadataUrl: string }) => {
      const xml = await (await fetch(app.metadataUrl)).text();
      const organization = `<md:Organization xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"><md:OrganizationName xml:lang="en">Acme Corporation</md:OrganizationName><md:OrganizationDisplayName xml:lang="en">Acme</md:OrganizationDisplayName><md:OrganizationURL xml:lang="en">https://acme.test</md:OrganizationURL></md:Organization>`;
      return xml.replace(/(<\/(?:[\w-]+:)?IDPSSODescriptor>)/, `$1${organization}`);
    };

    const first = newApp("org-1");
    const host = new URL(first.entityId).host;
    expect(await saveDefault({ samlSource: "metadata_xml", metadataXml: await withOrganization(first) })).toEqual({
      name: "Acme",
      buttonText: "Sign in with Acme",
    });
    // The same organization again: the issuer's host tells the two apart.
    expect(await saveDefault({ samlSource: "metadata_xml", metadataXml: await withOrganization(newApp("org-2")) })).toEqual({
      name: `Acme (${host})`,
      buttonText: `Sign in with Acme (${host})`,
    });
    // No organization: the host, then a number once the host is taken.
    expect(await saveDefault({ samlSource: "metadata_url", metadataUrl: newApp("org-3").metadataUrl })).toEqual({
      name: host,
      buttonText: `Sign in with ${host}`,
    });
    expect(await saveDefault({ samlSource: "metadata_url", metadataUrl: newApp("org-4").metadataUrl })).toEqual({
      name: `${host} (2)`,
      buttonText: `Sign in with ${host} (2)`,
    });
  });
});
