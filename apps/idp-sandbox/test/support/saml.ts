import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { samlify } from "../../src/saml/samlify";
import { decodeEntities, type BrowserResponse } from "@gatehouse/testing/browser";

export const RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

/** An AuthnRequest as Jackson would send it, written by hand. */
export function authnRequestXml(options: { issuer: string; acsUrl: string; destination: string; id?: string }): {
  id: string;
  xml: string;
} {
  const id = options.id ?? `_${randomBytes(10).toString("hex")}`;
  const xml =
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${options.destination}"` +
    ` ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" AssertionConsumerServiceURL="${options.acsUrl}">` +
    `<saml:Issuer>${options.issuer}</saml:Issuer>` +
    `<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress" AllowCreate="true"/>` +
    `</samlp:AuthnRequest>`;
  return { id, xml };
}

/** HTTP-Redirect binding: raw DEFLATE, base64, URL-encoded. */
export function redirectBindingUrl(ssoUrl: string, xml: string, relayState?: string): string {
  const url = new URL(ssoUrl);
  url.searchParams.set("SAMLRequest", deflateRawSync(Buffer.from(xml)).toString("base64"));
  if (relayState !== undefined) url.searchParams.set("RelayState", relayState);
  return url.href;
}

export interface PostedResponse {
  action: string;
  samlResponse: string;
  relayState?: string;
  xml: string;
}

/** Reads the auto-submitting HTTP-POST form the sandbox renders after sign-in. */
export function postedResponse(page: BrowserResponse): PostedResponse {
  const action = /<form id="saml-post" method="post" action="([^"]+)"/.exec(page.body)?.[1];
  const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(page.body)?.[1];
  if (!action || !samlResponse) throw new Error(`No SAML POST form (status ${page.status}):\n${page.body.slice(0, 600)}`);
  const relayState = /name="RelayState" value="([^"]*)"/.exec(page.body)?.[1];
  const decoded = decodeEntities(samlResponse);
  return {
    action: decodeEntities(action),
    samlResponse: decoded,
    relayState: relayState === undefined ? undefined : decodeEntities(relayState),
    xml: Buffer.from(decoded, "base64").toString("utf8"),
  };
}

/** Checks the signatures against the certificates the metadata publishes (samlify). */
export function verifyWithMetadata(xml: string, metadataXml: string): [boolean, string | null] {
  const metadata = samlify.IdPMetadata(metadataXml);
  return samlify.SamlLib.verifySignature(xml, { metadata, signatureAlgorithm: RSA_SHA256 });
}

/** Checks the signatures against one certificate, ignoring whatever KeyInfo claims. */
export function verifyWithCertificate(xml: string, certificatePem: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), "idp-sandbox-"));
  const keyFile = join(dir, "cert.pem");
  writeFileSync(keyFile, certificatePem);
  try {
    return samlify.SamlLib.verifySignature(xml, { keyFile, signatureAlgorithm: RSA_SHA256 })[0];
  } catch (error) {
    // xml-crypto 6 throws, rather than returning false, when a signature value is wrong.
    if (/invalid signature/i.test((error as Error).message)) return false;
    throw error;
  }
}

export function withoutResponseSignature(xml: string): string {
  return xml.replace(/(<samlp:Response[^>]*>\s*<saml:Issuer[^>]*>[^<]*<\/saml:Issuer>)<ds:Signature[\s\S]*?<\/ds:Signature>/, "$1");
}

export interface ExtractedResponse {
  response: { id: string; destination?: string; inResponseTo?: string };
  audience: string;
  issuer: string;
  nameID: string;
  conditions: { notBefore: string; notOnOrAfter: string };
  attributes: Record<string, string | string[]>;
}

export function extractResponse(xml: string, assertionXml: string): ExtractedResponse {
  return samlify.Extractor.extract(xml, samlify.Extractor.loginResponseFields(assertionXml)) as unknown as ExtractedResponse;
}

export function firstMatch(xml: string, pattern: RegExp): string | undefined {
  return pattern.exec(xml)?.[1];
}
