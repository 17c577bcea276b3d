import { inflateRawSync } from "node:zlib";
import { HttpError } from "../http";
import { samlify } from "./samlify";

export type SamlBinding = "redirect" | "post";

export interface ParsedAuthnRequest {
  id: string;
  issuer?: string;
  acsUrl?: string;
  protocolBinding?: string;
}

const FIELDS = [
  {
    key: "request",
    localPath: ["AuthnRequest"],
    attributes: ["ID", "AssertionConsumerServiceURL", "ProtocolBinding"],
  },
  { key: "issuer", localPath: ["AuthnRequest", "Issuer"], attributes: [] },
];

/**
 * HTTP-Redirect carries a raw-deflated message, HTTP-POST a plain one; both are
 * base64. Senders get this wrong often enough that either form is accepted either way.
 */
export function decodeSamlMessage(encoded: string, binding: SamlBinding): string {
  const bytes = Buffer.from(encoded, "base64");
  const plain = bytes.toString("utf8");
  if (binding === "post" && plain.trimStart().startsWith("<")) return plain;
  try {
    return inflateRawSync(bytes).toString("utf8");
  } catch {
    if (plain.trimStart().startsWith("<")) return plain;
    throw new HttpError(400, "SAMLRequest is neither deflated nor plain base64 XML.", "Invalid SAML request");
  }
}

export function parseAuthnRequest(xml: string): ParsedAuthnRequest {
  let extracted: { request?: Record<string, string>; issuer?: string };
  try {
    extracted = samlify.Extractor.extract(xml, FIELDS) as typeof extracted;
  } catch (error) {
    throw new HttpError(400, `SAMLRequest is not well-formed XML: ${(error as Error).message.split("\n")[0]}`, "Invalid SAML request");
  }
  const request = extracted.request;
  if (!request?.id) {
    throw new HttpError(400, "SAMLRequest is not an AuthnRequest with an ID.", "Invalid SAML request");
  }
  return {
    id: request.id,
    issuer: typeof extracted.issuer === "string" ? extracted.issuer.trim() : undefined,
    acsUrl: request.assertionConsumerServiceUrl,
    protocolBinding: request.protocolBinding,
  };
}
