import { randomBytes } from "node:crypto";
import { activeKey, type SamlApp } from "./apps";
import { buildAttributes, type AttributeOverrides, type SamlAttribute } from "./attributes";
import { encryptAssertion } from "./encrypt";
import { foreignSigner, signRoot } from "./sign";
import { NAMEID_EMAIL, NS, samlTime, xmlEscape } from "./xml";

export interface SamlResponseOptions {
  /** NameID (emailAddress format) and the user whose attributes are sent. */
  email: string;
  /** The AuthnRequest ID; omit for an IdP-initiated (unsolicited) response. */
  inResponseTo?: string;
  /** Defaults to the app's SP entity ID. */
  audience?: string;
  /** Destination and SubjectConfirmationData Recipient; defaults to the app's ACS URL. */
  destination?: string;
  /** Defaults to the app's entity ID. */
  issuer?: string;
  /** Defaults to now; notBefore/notOnOrAfter default to five minutes either side of it. */
  issueInstant?: Date;
  notBefore?: Date;
  notOnOrAfter?: Date;
  /** Default to the app's settings. */
  signResponse?: boolean;
  signAssertion?: boolean;
  encryptAssertion?: boolean;
  /** Sign with a throwaway key (its certificate in KeyInfo) instead of the app's. */
  signWithForeignKey?: boolean;
  /** Added to / replacing the app's attribute profile; null removes one. */
  attributes?: AttributeOverrides;
  /** Fixed IDs, e.g. to build the same response twice. Random when absent. */
  responseId?: string;
  assertionId?: string;
}

const FIVE_MINUTES = 5 * 60 * 1000;

function newId(): string {
  // xs:ID must not start with a digit.
  return `_${randomBytes(20).toString("hex")}`;
}

function attributeXml(attribute: SamlAttribute): string {
  const format = attribute.nameFormat ? ` NameFormat="${xmlEscape(attribute.nameFormat)}"` : "";
  const values = attribute.values.map((value) => `<saml:AttributeValue xsi:type="xs:string">${xmlEscape(value)}</saml:AttributeValue>`).join("");
  return `<saml:Attribute Name="${xmlEscape(attribute.name)}"${format}>${values}</saml:Attribute>`;
}

interface ResolvedOptions {
  email: string;
  issuer: string;
  audience: string;
  destination: string;
  inResponseTo?: string;
  issueInstant: Date;
  notBefore: Date;
  notOnOrAfter: Date;
  assertionId: string;
  attributes: SamlAttribute[];
}

function assertionXml(o: ResolvedOptions): string {
  const inResponseTo = o.inResponseTo ? ` InResponseTo="${xmlEscape(o.inResponseTo)}"` : "";
  const attributes = o.attributes.length ? `<saml:AttributeStatement>${o.attributes.map(attributeXml).join("")}</saml:AttributeStatement>` : "";
  // Namespaces are declared on the Assertion itself so it stays valid when signed on
  // its own, embedded, or decrypted out of the Response by the SP.
  return (
    `<saml:Assertion xmlns:saml="${NS.assertion}" xmlns:xs="${NS.xs}" xmlns:xsi="${NS.xsi}"` +
    ` ID="${o.assertionId}" Version="2.0" IssueInstant="${samlTime(o.issueInstant)}">` +
    `<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">${xmlEscape(o.issuer)}</saml:Issuer>` +
    `<saml:Subject>` +
    `<saml:NameID Format="${NAMEID_EMAIL}">${xmlEscape(o.email)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData NotOnOrAfter="${samlTime(o.notOnOrAfter)}" Recipient="${xmlEscape(o.destination)}"${inResponseTo}/>` +
    `</saml:SubjectConfirmation>` +
    `</saml:Subject>` +
    `<saml:Conditions NotBefore="${samlTime(o.notBefore)}" NotOnOrAfter="${samlTime(o.notOnOrAfter)}">` +
    `<saml:AudienceRestriction><saml:Audience>${xmlEscape(o.audience)}</saml:Audience></saml:AudienceRestriction>` +
    `</saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${samlTime(o.issueInstant)}" SessionIndex="${o.assertionId}">` +
    `<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext>` +
    `</saml:AuthnStatement>` +
    attributes +
    `</saml:Assertion>`
  );
}

/**
 * The full SAML Response XML. Order matters: the assertion is signed first, then
 * encrypted, then the Response is signed over the result — what real IdPs do and what
 * Jackson expects when it decrypts before verifying.
 */
export function buildSamlResponseXml(app: SamlApp, options: SamlResponseOptions): string {
  const issueInstant = options.issueInstant ?? new Date();
  const resolved: ResolvedOptions = {
    email: options.email,
    issuer: options.issuer ?? app.entityId,
    audience: options.audience ?? app.spEntityId,
    destination: options.destination ?? app.acsUrl,
    inResponseTo: options.inResponseTo,
    issueInstant,
    notBefore: options.notBefore ?? new Date(issueInstant.getTime() - FIVE_MINUTES),
    notOnOrAfter: options.notOnOrAfter ?? new Date(issueInstant.getTime() + FIVE_MINUTES),
    assertionId: options.assertionId ?? newId(),
    attributes: buildAttributes(app.attributeProfile, options.email, options.attributes),
  };
  const signer = options.signWithForeignKey ? foreignSigner() : activeKey(app);

  let assertion = assertionXml(resolved);
  if (options.signAssertion ?? app.signAssertion) assertion = signRoot(assertion, "Assertion", signer);
  if (options.encryptAssertion ?? app.encryptAssertion) {
    if (!app.spCertificatePem) throw new Error(`SAML app ${app.id} has no SP certificate to encrypt to.`);
    assertion = encryptAssertion(assertion, app.spCertificatePem, app.encryptionAlgorithm);
  }

  const inResponseTo = resolved.inResponseTo ? ` InResponseTo="${xmlEscape(resolved.inResponseTo)}"` : "";
  let response =
    `<samlp:Response xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}"` +
    ` ID="${options.responseId ?? newId()}" Version="2.0" IssueInstant="${samlTime(issueInstant)}"` +
    ` Destination="${xmlEscape(resolved.destination)}"${inResponseTo}>` +
    `<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">${xmlEscape(resolved.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertion +
    `</samlp:Response>`;
  if (options.signResponse ?? app.signResponse) response = signRoot(response, "Response", signer);
  return `<?xml version="1.0" encoding="UTF-8"?>${response}`;
}

export function buildSamlResponseBase64(app: SamlApp, options: SamlResponseOptions): string {
  return Buffer.from(buildSamlResponseXml(app, options), "utf8").toString("base64");
}
