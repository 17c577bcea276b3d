import { isWeakAlgorithm, readCertificate, type CertificateReport } from "./certificate";
import { validateIdpEntityId, validateSsoUrl } from "./validate-idp-fields";
import { fail, ok, type CheckItem, type Result } from "./result";
import { ALGSUPPORT_NS, BINDING_POST, BINDING_REDIRECT, MAX_METADATA_BYTES, NAMEID_EMAIL, SAML2_PROTOCOL, SAML_METADATA_NS, XMLDSIG_NS } from "./saml";
import { DOCTYPE_REFUSED, parseXmlDocument } from "./parse-xml-document";

// The namespace of xml:lang, bound to the xml: prefix by the XML specification itself.
const XML_NS = "http://www.w3.org/XML/1998/namespace";
import { childElements, descendantElements, getAttribute, isElement, textOf } from "./select-elements";

export interface SamlSsoService {
  binding: string;
  bindingName: "HTTP-Redirect" | "HTTP-POST" | (string & {});
  location: string;
}

export interface SamlMetadataReport {
  entityId: string;
  ssoServices: SamlSsoService[];
  nameIdFormats: string[];
  /** Signing certificates only (KeyDescriptor use="signing" or without use). */
  certificates: CertificateReport[];
  /** The IdP's <Organization>: its OrganizationDisplayName, else its OrganizationName; null without one. */
  organizationName: string | null;
  items: CheckItem[];
}

const EXPIRY_WARNING_DAYS = 30;

/**
 * Reads IdP metadata pasted into (or fetched by) the Configure SSO wizard and checks what
 * Gatehouse needs from it. Documents that are not IdP metadata at all are refused outright;
 * problems within IdP metadata become checklist items so the admin sees all of them at once.
 */
export function inspectSamlMetadata(xml: string, now: Date = new Date()): Result<SamlMetadataReport> {
  const located = locateIdp(xml);
  if (!located.ok) return located;
  const { entity, idp, root } = located.value;

  const entityId = getAttribute(entity, "entityID") ?? "";
  const ssoServices = childElements(idp, SAML_METADATA_NS, "SingleSignOnService").map((el) => {
    const binding = (getAttribute(el, "Binding") ?? "").trim();
    return { binding, bindingName: bindingName(binding), location: (getAttribute(el, "Location") ?? "").trim() };
  });
  const nameIdFormats = childElements(idp, SAML_METADATA_NS, "NameIDFormat")
    .map((el) => textOf(el).trim())
    .filter((f) => f !== "");

  const items: CheckItem[] = [entityIdItem(entityId), ssoServiceItem(ssoServices)];
  const certificates: CertificateReport[] = [];
  const unreadable: number[] = [];
  const keyDescriptors = childElements(idp, SAML_METADATA_NS, "KeyDescriptor");
  const signingDescriptors = keyDescriptors.filter((kd) => {
    const use = getAttribute(kd, "use");
    return use === undefined || use.trim() === "" || use.trim() === "signing";
  });
  let position = 0;
  for (const descriptor of signingDescriptors) {
    for (const element of descendantElements(descriptor, XMLDSIG_NS, "X509Certificate")) {
      position++;
      const base64 = textOf(element).replace(/\s+/g, "");
      const read = /^[A-Za-z0-9+/]+={0,2}$/.test(base64) ? readCertificate(new Uint8Array(Buffer.from(base64, "base64")), now) : null;
      if (read === null) unreadable.push(position);
      // IdPs often repeat one certificate under several KeyDescriptors; report it once.
      else if (!certificates.some((c) => c.sha256Fingerprint === read.report.sha256Fingerprint)) certificates.push(read.report);
    }
  }
  items.push(signingCertificateItem(certificates, unreadable, keyDescriptors.length - signingDescriptors.length));
  certificates.forEach((certificate, index) => items.push(expiryItem(certificate, index, certificates.length)));
  items.push(weakAlgorithmItem(certificates, root));
  items.push(nameIdItem(nameIdFormats));

  return ok({ entityId, ssoServices, nameIdFormats, certificates, organizationName: organizationNameOf(entity), items });
}

const ORGANIZATION_NAME_MAX = 60;

/**
 * The name the metadata gives its organization, to name a connection by. Both elements may repeat
 * per language (xml:lang); an English one is preferred, else the first.
 */
function organizationNameOf(entity: Element): string | null {
  const organization = childElements(entity, SAML_METADATA_NS, "Organization")[0];
  if (!organization) return null;
  for (const localName of ["OrganizationDisplayName", "OrganizationName"]) {
    const names = childElements(organization, SAML_METADATA_NS, localName)
      .map((el) => ({ lang: el.getAttributeNS(XML_NS, "lang") ?? "", text: textOf(el).replace(/\s+/g, " ").trim() }))
      .filter((n) => n.text !== "");
    const chosen = names.find((n) => /^en\b/i.test(n.lang)) ?? names[0];
    if (chosen) return chosen.text.slice(0, ORGANIZATION_NAME_MAX);
  }
  return null;
}

interface LocatedIdp {
  root: Element;
  entity: Element;
  idp: Element;
}

function locateIdp(xml: string): Result<LocatedIdp> {
  if (Buffer.byteLength(xml, "utf8") > MAX_METADATA_BYTES) {
    return fail(
      "This metadata is larger than 1 MB. A single identity provider's metadata is a few kilobytes; federation-wide metadata is not supported. Use your own identity provider's metadata.",
    );
  }
  const text = xml.replace(/^\uFEFF/, "").trim();
  if (text === "") return fail("The metadata is empty. Paste your identity provider's SAML metadata XML.");
  if (/^https?:\/\//i.test(text)) {
    return fail("You pasted a URL, not the metadata itself. Use the metadata URL option, or open the URL and paste the XML it shows.");
  }
  if (text.startsWith("{") || text.startsWith("[")) {
    return fail(
      "This is JSON, not SAML metadata XML. If your identity provider gave you an OpenID configuration, set it up as an OpenID Connect connection instead.",
    );
  }
  if (/<!DOCTYPE\s+html/i.test(text) || /^<html[\s>]/i.test(text)) {
    return fail(
      "This is a web page (HTML), not SAML metadata. Copy the metadata XML (it starts with <EntityDescriptor or <md:EntityDescriptor), or use its download link.",
    );
  }
  if (!text.startsWith("<")) {
    return fail("This is not XML. Paste your identity provider's SAML metadata: the full document, starting with <?xml or <EntityDescriptor.");
  }
  const parsed = parseXmlDocument(text);
  if (!parsed.ok) {
    if (parsed.error === DOCTYPE_REFUSED) return parsed;
    return fail(`This is not valid XML: ${parsed.error}. Paste the complete metadata document again, or download it from your identity provider.`);
  }
  const root = parsed.value.documentElement;
  let entities: Element[];
  if (isElement(root, SAML_METADATA_NS, "EntityDescriptor")) entities = [root];
  else if (isElement(root, SAML_METADATA_NS, "EntitiesDescriptor")) entities = descendantElements(root, SAML_METADATA_NS, "EntityDescriptor");
  else {
    // The root's name is not repeated back: the document may be anything, and the admin only
    // needs to know it is the wrong one.
    return fail(
      "This XML is not SAML metadata: expected an EntityDescriptor (or EntitiesDescriptor) in the SAML 2.0 metadata namespace. Paste your identity provider's SAML metadata.",
    );
  }

  const idps = entities.flatMap((entity) => {
    const descriptors = childElements(entity, SAML_METADATA_NS, "IDPSSODescriptor");
    const saml2 = descriptors.find((d) => (getAttribute(d, "protocolSupportEnumeration") ?? "").split(/\s+/).includes(SAML2_PROTOCOL));
    const idp = saml2 ?? descriptors[0];
    return idp === undefined ? [] : [{ root, entity, idp }];
  });
  const first = idps[0];
  if (idps.length > 1) {
    return fail(`This metadata describes ${idps.length} identity providers. Paste the metadata of your identity provider only.`);
  }
  if (first !== undefined) return ok(first);
  if (entities.some((entity) => childElements(entity, SAML_METADATA_NS, "SPSSODescriptor").length > 0)) {
    return fail("This looks like a service provider's metadata (SPSSODescriptor); paste your identity provider's metadata instead.");
  }
  return fail("This SAML metadata does not describe an identity provider (it has no IDPSSODescriptor). Paste your identity provider's metadata.");
}

function bindingName(binding: string): string {
  const match = /^urn:oasis:names:tc:SAML:2\.0:bindings:(.+)$/.exec(binding);
  return match?.[1] ?? binding;
}

function entityIdItem(entityId: string): CheckItem {
  const label = "Entity ID";
  if (entityId === "") {
    return {
      id: "entity_id",
      label,
      status: "error",
      detail: "The metadata has no entityID attribute on EntityDescriptor. Download the metadata again from your identity provider.",
    };
  }
  const valid = validateIdpEntityId(entityId);
  if (!valid.ok) return { id: "entity_id", label, status: "error", detail: valid.error };
  return { id: "entity_id", label, status: "ok", detail: entityId };
}

function ssoServiceItem(services: SamlSsoService[]): CheckItem {
  const id = "sso_service";
  const label = "Single Sign-On URL";
  const usable = services.filter((s) => s.binding === BINDING_REDIRECT || s.binding === BINDING_POST);
  if (services.length === 0) {
    return {
      id,
      label,
      status: "error",
      detail:
        "The metadata lists no Single Sign-On URL (SingleSignOnService). Check that you downloaded the identity provider's metadata for this application.",
    };
  }
  if (usable.length === 0) {
    const names = [...new Set(services.map((s) => s.bindingName))].join(", ");
    return {
      id,
      label,
      status: "error",
      detail: `The metadata only offers ${names} for sign-on. Gatehouse needs the HTTP-Redirect or HTTP-POST binding; enable one of them in your identity provider.`,
    };
  }
  const checked = usable.map((s) => ({ service: s, url: validateSsoUrl(s.location) }));
  const good = checked.filter((c) => c.url.ok);
  const firstBad = checked.find((c) => !c.url.ok)?.url;
  if (good.length === 0 && firstBad !== undefined && !firstBad.ok) {
    return { id, label, status: "error", detail: `${firstBad.error} (from the metadata's SingleSignOnService)` };
  }
  return { id, label, status: "ok", detail: good.map((c) => `${c.service.bindingName}: ${c.service.location}`).join("; ") };
}

function signingCertificateItem(certificates: CertificateReport[], unreadable: number[], encryptionOnly: number): CheckItem {
  const id = "signing_certificate";
  const label = "Signing certificate";
  const unreadableNote = unreadable.length > 0 ? ` Certificate ${unreadable.map((n) => `#${n}`).join(", ")} could not be read.` : "";
  if (certificates.length === 0) {
    const why =
      encryptionOnly > 0 ? "The metadata only has encryption certificates" : "The metadata has no signing certificate (KeyDescriptor with an X509Certificate)";
    return {
      id,
      label,
      status: "error",
      detail: `${why}, so Gatehouse could not verify sign-ins.${unreadableNote} Download the metadata again, or enter the signing certificate by hand.`,
    };
  }
  const count = certificates.length === 1 ? "1 signing certificate" : `${certificates.length} signing certificates`;
  return { id, label, status: unreadable.length > 0 ? "warn" : "ok", detail: `${count} found.${unreadableNote}` };
}

function expiryItem(certificate: CertificateReport, index: number, total: number): CheckItem {
  const name = total > 1 ? `Certificate ${index + 1} expiry` : "Certificate expiry";
  const base = { id: `certificate_expiry_${index + 1}`, label: name };
  const date = certificate.notAfter.slice(0, 10);
  const who = certificate.subject === "" ? "" : ` (${certificate.subject})`;
  if (certificate.isExpired) {
    return {
      ...base,
      status: "error",
      detail: `The certificate${who} expired on ${date}. Get the current metadata or certificate from your identity provider.`,
    };
  }
  if (certificate.daysLeft < EXPIRY_WARNING_DAYS) {
    const left = certificate.daysLeft === 1 ? "1 day" : `${certificate.daysLeft} days`;
    return { ...base, status: "warn", detail: `The certificate${who} expires on ${date}, in ${left}. Plan the rollover: add its replacement before then.` };
  }
  return { ...base, status: "ok", detail: `Valid until ${date} (${certificate.daysLeft} days left).` };
}

function weakAlgorithmItem(certificates: CertificateReport[], root: Element): CheckItem {
  const weak: string[] = [];
  certificates.forEach((c, i) => {
    if (isWeakAlgorithm(c.signatureAlgorithm)) weak.push(`certificate ${certificates.length > 1 ? `${i + 1} ` : ""}is signed with ${c.signatureAlgorithm}`);
  });
  const algorithmElements = [
    ...descendantElements(root, XMLDSIG_NS, "SignatureMethod"),
    ...descendantElements(root, XMLDSIG_NS, "DigestMethod"),
    ...descendantElements(root, ALGSUPPORT_NS, "SigningMethod"),
    ...descendantElements(root, ALGSUPPORT_NS, "DigestMethod"),
  ];
  const uris = new Set(algorithmElements.map((el) => getAttribute(el, "Algorithm") ?? "").filter(isWeakAlgorithm));
  for (const uri of uris) weak.push(`the metadata uses ${uri}`);
  const base = { id: "weak_algorithms", label: "Signature algorithms" };
  if (weak.length === 0) return { ...base, status: "ok", detail: "No SHA-1 or MD5 found." };
  return {
    ...base,
    status: "warn",
    detail: `Weak (SHA-1 or MD5) algorithms: ${weak.join("; ")}. Switch your identity provider to SHA-256 signatures where it allows.`,
  };
}

function nameIdItem(formats: string[]): CheckItem {
  const base = { id: "nameid_format", label: "NameID format" };
  if (formats.includes(NAMEID_EMAIL)) return { ...base, status: "ok", detail: "The identity provider can send the email address as NameID." };
  if (formats.length === 0) {
    return {
      ...base,
      status: "warn",
      detail:
        "The metadata does not advertise a NameID format. Make sure your identity provider sends the user's email address as NameID (format emailAddress).",
    };
  }
  return {
    ...base,
    status: "warn",
    detail: `The metadata advertises ${formats.join(", ")} but not emailAddress. Make sure your identity provider sends the user's email address as NameID.`,
  };
}
