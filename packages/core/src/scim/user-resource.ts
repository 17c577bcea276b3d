import type { Result } from "../result";
import { normaliseEmail } from "../email-address";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

/** What our side keeps of a SCIM User: the keys and the member's email and name. */
export type ScimUserFields = {
  userName: string;
  externalId: string | null;
  active: boolean;
  email: string;
  name: string;
  /** The resource as stored: everything the IdP sent (enterprise extension included) minus secrets and server-owned keys. */
  resource: Record<string, unknown>;
};

// Attributes the server owns (RFC 7643 §3.1) or that must never be stored (passwords: we never set one).
const DROPPED = new Set(["id", "meta", "password", "groups"]);

/**
 * Reads a SCIM User body (POST, PUT, or the result of a PATCH) into our fields. userName is the
 * email (the setup notes say so); when it is not an address, the primary or work email is used.
 */
export function readScimUser(body: unknown): Result<ScimUserFields> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false, error: "The User must be a JSON object." };
  const input = body as Record<string, unknown>;
  const userName = typeof input.userName === "string" ? input.userName.trim() : "";
  if (!userName) return { ok: false, error: "userName is required (set it to the person's email address)." };
  if (userName.length > 320) return { ok: false, error: "userName is longer than 320 characters." };
  const externalId = input.externalId === undefined || input.externalId === null ? null : String(input.externalId);
  const active = readActive(input.active);
  if (active === null) return { ok: false, error: 'active must be true or false (the strings "True" and "False" are accepted too).' };
  const email = pickEmail(userName, input.emails);
  if (!email) return { ok: false, error: `userName "${userName}" is not an email address and the User has no work or primary email.` };
  const resource: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (!DROPPED.has(key)) resource[key] = value;
  resource.active = active;
  return { ok: true, value: { userName, externalId, active, email, name: displayNameOf(input), resource } };
}

function readActive(value: unknown): boolean | null {
  if (value === undefined || value === null) return true;
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  return null;
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function pickEmail(userName: string, emails: unknown): string | null {
  if (EMAIL_SHAPE.test(userName)) return normaliseEmail(userName);
  if (!Array.isArray(emails)) return null;
  const list = emails.filter(
    (e): e is { value: string; primary?: unknown; type?: unknown } =>
      typeof e === "object" && e !== null && typeof (e as { value?: unknown }).value === "string",
  );
  const chosen = list.find((e) => e.primary === true || e.primary === "True" || e.primary === "true") ?? list.find((e) => e.type === "work") ?? list[0];
  return chosen && EMAIL_SHAPE.test(chosen.value.trim()) ? normaliseEmail(chosen.value) : null;
}

function displayNameOf(input: Record<string, unknown>): string {
  const name = typeof input.name === "object" && input.name !== null ? (input.name as Record<string, unknown>) : {};
  const parts = [name.givenName, name.familyName].filter((p): p is string => typeof p === "string" && p.trim() !== "").map((p) => p.trim());
  if (parts.length > 0) return parts.join(" ").slice(0, 200);
  if (typeof name.formatted === "string" && name.formatted.trim()) return name.formatted.trim().slice(0, 200);
  return typeof input.displayName === "string" ? input.displayName.trim().slice(0, 200) : "";
}

export type StoredScimUser = {
  id: string;
  userName: string;
  externalId: string | null;
  active: boolean;
  resource: Record<string, unknown>;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** The User as we answer it (RFC 7643 §4.1), with our id, keys and meta. */
export function renderScimUser(row: StoredScimUser, baseUrl: string): Record<string, unknown> {
  const schemas = [USER_SCHEMA, ...(row.resource[ENTERPRISE_USER_SCHEMA] ? [ENTERPRISE_USER_SCHEMA] : [])];
  return {
    ...row.resource,
    schemas,
    id: row.id,
    ...(row.externalId !== null ? { externalId: row.externalId } : {}),
    userName: row.userName,
    active: row.active,
    meta: {
      resourceType: "User",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
      version: `W/"${row.version}"`,
    },
  };
}
