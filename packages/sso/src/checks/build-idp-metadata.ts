import { parseSigningCertificate } from "./parse-signing-certificate";
import { BINDING_POST, BINDING_REDIRECT, NAMEID_EMAIL, SAML2_PROTOCOL, SAML_METADATA_NS, XMLDSIG_NS } from "./saml";

export interface IdpMetadataInput {
  entityId: string;
  ssoUrl: string;
  certificatesPem: string[];
  /** Defaults to emailAddress, which is how Gatehouse matches users. */
  wantNameIdFormat?: string;
}

/**
 * Writes SAML 2.0 IdP metadata for a connection whose settings were entered by hand, so the
 * SAML library downstream can treat it like any downloaded metadata. Validate the fields first
 * (validateIdpEntityId, validateSsoUrl, parseSigningCertificate): a certificate that cannot be
 * read is a programming error here and throws.
 */
export function buildIdpMetadataXml(input: IdpMetadataInput): string {
  const bodies: string[] = [];
  for (const pem of input.certificatesPem) {
    // Expired certificates are still written out; refusing them is the form's job, not ours.
    const parsed = parseSigningCertificate(pem, new Date(0));
    if (!parsed.ok) throw new TypeError(`buildIdpMetadataXml: ${parsed.error}`);
    const body = parsed.value.pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, "");
    if (!bodies.includes(body)) bodies.push(body);
  }
  const keyDescriptors = bodies.map(
    (body) => `    <md:KeyDescriptor use="signing">
      <ds:KeyInfo>
        <ds:X509Data>
          <ds:X509Certificate>${body}</ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
`,
  );
  const location = escapeXml(input.ssoUrl.trim());
  // Schema order inside IDPSSODescriptor: KeyDescriptor, NameIDFormat, SingleSignOnService.
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="${SAML_METADATA_NS}" xmlns:ds="${XMLDSIG_NS}" entityID="${escapeXml(input.entityId.trim())}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${SAML2_PROTOCOL}">
${keyDescriptors.join("")}    <md:NameIDFormat>${escapeXml(input.wantNameIdFormat ?? NAMEID_EMAIL)}</md:NameIDFormat>
    <md:SingleSignOnService Binding="${BINDING_REDIRECT}" Location="${location}"/>
    <md:SingleSignOnService Binding="${BINDING_POST}" Location="${location}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
}

export function escapeXml(value: string): string {
  // XML 1.0 cannot carry most C0 control characters at all, not even as character references.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(value)) {
    throw new TypeError("buildIdpMetadataXml: a value contains control characters that XML cannot represent");
  }
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}
