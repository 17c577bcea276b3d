import { publishedKeys, type SamlApp } from "./apps";
import { certificateBody } from "./certificates";
import { samlAppUrls } from "./urls";
import { BINDING_POST, BINDING_REDIRECT, NAMEID_EMAIL, NS, xmlEscape } from "./xml";

/**
 * IdP metadata for one app. Every non-retired certificate is listed as a signing key so
 * an SP that re-reads metadata during a rotation trusts both the old and the new key.
 */
export function buildIdpMetadata(app: SamlApp, baseUrl: string): string {
  const urls = samlAppUrls(baseUrl, app.id);
  const keys = publishedKeys(app)
    .map(
      (key) =>
        `  <md:KeyDescriptor use="signing">\n` +
        `   <ds:KeyInfo xmlns:ds="${NS.dsig}"><ds:X509Data><ds:X509Certificate>${certificateBody(key.certificatePem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\n` +
        `  </md:KeyDescriptor>\n`,
    )
    .join("");
  const sso = xmlEscape(urls.ssoUrl);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<md:EntityDescriptor xmlns:md="${NS.metadata}" entityID="${xmlEscape(app.entityId)}">\n` +
    ` <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${NS.protocol}">\n` +
    keys +
    `  <md:NameIDFormat>${NAMEID_EMAIL}</md:NameIDFormat>\n` +
    `  <md:SingleSignOnService Binding="${BINDING_REDIRECT}" Location="${sso}"/>\n` +
    `  <md:SingleSignOnService Binding="${BINDING_POST}" Location="${sso}"/>\n` +
    ` </md:IDPSSODescriptor>\n` +
    `</md:EntityDescriptor>\n`
  );
}
