/** SAML 2.0 and XML-DSig names shared by the metadata reader and writer. */
export const SAML_METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
export const XMLDSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
export const ALGSUPPORT_NS = "urn:oasis:names:tc:SAML:metadata:algsupport";
export const SAML2_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
export const BINDING_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
export const BINDING_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
export const NAMEID_EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
/** Larger than any single IdP's metadata; federation aggregates are out of scope. */
export const MAX_METADATA_BYTES = 1024 * 1024;
