import { HttpError } from "../http";
import type { AttributeProfile, CreateSamlAppInput, EncryptionAlgorithm } from "./apps";
import type { CertificateValidity } from "./certificates";

const VALIDITIES = ["year", "expiring-soon", "expired"] as const;

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new HttpError(400, `${key} must be a string.`);
  return value;
}

function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw new HttpError(400, `${key} must be true or false.`);
  return value;
}

export function parseValidity(value: unknown): CertificateValidity | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (!VALIDITIES.includes(value as (typeof VALIDITIES)[number])) {
    throw new HttpError(400, `certificateValidity must be one of ${VALIDITIES.join(", ")}.`);
  }
  return value as CertificateValidity;
}

/** JSON body of POST /api/saml/apps. */
export function parseCreateAppJson(raw: unknown): CreateSamlAppInput {
  const body = (raw ?? {}) as Record<string, unknown>;
  const acsUrl = optionalString(body, "acsUrl");
  const spEntityId = optionalString(body, "spEntityId");
  if (!acsUrl || !spEntityId) throw new HttpError(400, "acsUrl and spEntityId are required.");
  return {
    acsUrl,
    spEntityId,
    id: optionalString(body, "id"),
    name: optionalString(body, "name"),
    signResponse: optionalBoolean(body, "signResponse"),
    signAssertion: optionalBoolean(body, "signAssertion"),
    encryptAssertion: optionalBoolean(body, "encryptAssertion"),
    encryptionAlgorithm: optionalString(body, "encryptionAlgorithm") as EncryptionAlgorithm | undefined,
    spCertificatePem: optionalString(body, "spCertificatePem"),
    attributeProfile: optionalString(body, "attributeProfile") as AttributeProfile | undefined,
    certificateValidity: parseValidity(body.certificateValidity),
  };
}

/** The create form on /saml, where an unticked checkbox is simply absent. */
export function parseCreateAppForm(form: Record<string, string>): CreateSamlAppInput {
  return {
    acsUrl: form.acsUrl ?? "",
    spEntityId: form.spEntityId ?? "",
    name: form.name || undefined,
    signResponse: form.signResponse === "true",
    signAssertion: form.signAssertion === "true",
    encryptAssertion: form.encryptAssertion === "true",
    spCertificatePem: form.spCertificatePem?.trim() || undefined,
    attributeProfile: (form.attributeProfile || undefined) as AttributeProfile | undefined,
    certificateValidity: parseValidity(form.certificateValidity),
  };
}
