import { DOMImplementation, XMLSerializer, type Element as XmlElement } from "@xmldom/xmldom";
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
  for (const value of [input.entityId, input.ssoUrl, input.wantNameIdFormat ?? ""]) refuseUnrepresentable(value);
  // Built as a DOM and written by xmldom's serializer, which escapes every value for us.
  const document = new DOMImplementation().createDocument(SAML_METADATA_NS, "md:EntityDescriptor", null);
  const entity = document.documentElement!;
  entity.setAttributeNS(XMLNS_NS, "xmlns:ds", XMLDSIG_NS);
  entity.setAttribute("entityID", input.entityId.trim());
  const idp = append(entity, SAML_METADATA_NS, "md:IDPSSODescriptor");
  idp.setAttribute("WantAuthnRequestsSigned", "false");
  idp.setAttribute("protocolSupportEnumeration", SAML2_PROTOCOL);
  // Schema order inside IDPSSODescriptor: KeyDescriptor, NameIDFormat, SingleSignOnService.
  for (const body of bodies) {
    const keyDescriptor = append(idp, SAML_METADATA_NS, "md:KeyDescriptor");
    keyDescriptor.setAttribute("use", "signing");
    const x509Data = append(append(keyDescriptor, XMLDSIG_NS, "ds:KeyInfo"), XMLDSIG_NS, "ds:X509Data");
    append(x509Data, XMLDSIG_NS, "ds:X509Certificate").appendChild(document.createTextNode(body));
  }
  append(idp, SAML_METADATA_NS, "md:NameIDFormat").appendChild(document.createTextNode(input.wantNameIdFormat ?? NAMEID_EMAIL));
  for (const binding of [BINDING_REDIRECT, BINDING_POST]) {
    const service = append(idp, SAML_METADATA_NS, "md:SingleSignOnService");
    service.setAttribute("Binding", binding);
    service.setAttribute("Location", input.ssoUrl.trim());
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(document)}\n`;
}

const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

function append(parent: XmlElement, namespace: string, qualifiedName: string): XmlElement {
  // Every element here is made by (and so belongs to) the one document being built.
  const child = parent.ownerDocument!.createElementNS(namespace, qualifiedName);
  parent.appendChild(child);
  return child;
}

/** XML 1.0 cannot carry most C0 control characters at all, not even as character references. */
function refuseUnrepresentable(value: string): void {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(value)) {
    throw new TypeError("buildIdpMetadataXml: a value contains control characters that XML cannot represent");
  }
}
