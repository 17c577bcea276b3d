import { allAssertionElements, childElements, isElement, parseSamlXml, SAML_NS } from "./parse-saml-xml";

/**
 * The Issuer an unsolicited response claims, used only to find which connection's certificates
 * to verify it with. Nothing else may rely on it.
 */
export function readUnverifiedIssuer(samlResponse: string): string | null {
  if (samlResponse.length > 400_000) return null;
  const doc = parseSamlXml(Buffer.from(samlResponse, "base64").toString("utf8"));
  const root = doc?.documentElement;
  if (!doc || !root || !isElement(root, SAML_NS.protocol, "Response")) return null;
  const [assertion, ...more] = allAssertionElements(doc);
  const issuer =
    childElements(root, SAML_NS.assertion, "Issuer")[0] ??
    (assertion && more.length === 0 ? childElements(assertion, SAML_NS.assertion, "Issuer")[0] : undefined);
  return issuer?.textContent?.trim() || null;
}
