import { fail, ok, type Result } from "./result";
import { parseWebUrl } from "./url";

export type OidcProvider = "okta" | "entra" | "google" | "oidc";

export interface ResolvedOidcDiscovery {
  discoveryUrl: string;
  /** The issuer ID tokens must carry; absent when it cannot be known before fetching. */
  expectedIssuer?: string;
  notes: string[];
}

export const WELL_KNOWN_OIDC = "/.well-known/openid-configuration";
const GOOGLE_ISSUER = "https://accounts.google.com";

const FIELD: Record<OidcProvider, string> = {
  okta: "Okta URL",
  entra: "Entra issuer URL",
  google: "Google URL",
  oidc: "issuer URL",
};

const ENTRA_TENANT_HINT = "use your Directory (tenant) ID from Entra's Overview page";
const MULTI_TENANT = new Set(["common", "organizations", "consumers"]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTRA_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.onmicrosoft\.com$/i;
// Sovereign clouds included; B2C and External ID use their own host names and are left alone.
const ENTRA_LOGIN_HOSTS = /^login\.(microsoftonline\.(com|us)|microsoft\.com|windows\.net|partner\.microsoftonline\.cn|chinacloudapi\.cn)$/i;
const OKTA_ADMIN_HOST = /^([a-z0-9-]+)-admin\.(okta\.com|oktapreview\.com|okta-emea\.com|okta-gov\.com)$/i;

/**
 * Turns what an administrator pasted into the discovery document URL and the issuer we expect
 * to find in it. Each provider's console shows a different thing to copy, so each gets its own
 * leniency and its own error wording.
 */
export function resolveOidcDiscoveryUrl(provider: OidcProvider, input: string): Result<ResolvedOidcDiscovery> {
  const notes: string[] = [];
  let raw = input.trim();

  if (provider === "google") {
    // Google has one issuer for every customer; the client ID tells tenants apart.
    if (raw !== "" && !/^https:\/\/accounts\.google\.com(\/|$)/i.test(raw)) {
      notes.push("Google uses the same issuer for every organisation, so we ignored the address you entered.");
    }
    return ok({ discoveryUrl: `${GOOGLE_ISSUER}${WELL_KNOWN_OIDC}`, expectedIssuer: GOOGLE_ISSUER, notes });
  }

  const placeholder = /\{[^}]*\}|<[^>]*>|%7B[^%]*%7D|%3C[^%]*%3E/i.exec(raw)?.[0];
  if (placeholder !== undefined) {
    if (provider === "entra") {
      return fail(`This URL still contains the placeholder ${decodeURIComponentSafe(placeholder)}; ${ENTRA_TENANT_HINT} in its place.`);
    }
    return fail(
      `This URL still contains the placeholder ${decodeURIComponentSafe(placeholder)}. Replace it with your real value, as shown in your identity provider's console.`,
    );
  }

  if (provider === "entra" && !raw.includes("/")) {
    if (MULTI_TENANT.has(raw.toLowerCase())) return fail(multiTenantError(raw));
    if (GUID.test(raw) || ENTRA_DOMAIN.test(raw)) {
      notes.push(`We built the issuer URL from the tenant you entered: https://login.microsoftonline.com/${raw}/v2.0.`);
      raw = `https://login.microsoftonline.com/${raw}/v2.0`;
    }
  }

  const parsed = parseWebUrl(raw, FIELD[provider]);
  if (!parsed.ok) return parsed;
  const url = parsed.value;
  let host = url.host;
  let path = url.pathname.replace(/\/+$/, "");
  const pastedDiscovery = path.toLowerCase().endsWith(WELL_KNOWN_OIDC);

  if (!pastedDiscovery && path.includes("/.well-known/")) {
    return fail(`This is a different well-known document. Paste the issuer URL, or the URL ending in ${WELL_KNOWN_OIDC}.`);
  }
  if (!pastedDiscovery && url.search !== "") {
    return fail('An issuer URL has no query string. Remove the part starting with "?" and try again.');
  }

  if (provider === "okta") {
    const admin = OKTA_ADMIN_HOST.exec(url.hostname);
    if (admin !== null) {
      host = `${admin[1]}.${admin[2]}${url.port === "" ? "" : `:${url.port}`}`;
      notes.push(`You pasted the Okta admin console address; we use your organisation URL https://${host} instead.`);
    }
    // Copied from an endpoint such as …/oauth2/default/v1/authorize: keep the authorization server.
    const endpoint = /^(\/oauth2\/[^/]+)\/v1\/.*$/.exec(path);
    if (!pastedDiscovery && endpoint?.[1] !== undefined) {
      path = endpoint[1];
      notes.push(`You pasted an endpoint URL; we use its authorization server https://${host}${path}.`);
    }
  }

  let expectedIssuer: string | undefined;
  let discoveryUrl: string;
  if (pastedDiscovery) {
    notes.push("You pasted the discovery document URL; we use it as is.");
    discoveryUrl = `${url.protocol}//${host}${path}${url.search}`;
    expectedIssuer = `${url.protocol}//${host}${path.slice(0, -WELL_KNOWN_OIDC.length)}`;
  } else {
    expectedIssuer = `${url.protocol}//${host}${path}`;
    discoveryUrl = `${expectedIssuer}${WELL_KNOWN_OIDC}`;
  }

  if (provider === "entra" && ENTRA_LOGIN_HOSTS.test(url.hostname)) {
    const entra = adjustEntra(url.protocol, host, path, pastedDiscovery, { discoveryUrl, expectedIssuer }, notes);
    if (!entra.ok) return entra;
    ({ discoveryUrl, expectedIssuer } = entra.value);
  }

  const result: ResolvedOidcDiscovery = { discoveryUrl, notes };
  if (expectedIssuer !== undefined) result.expectedIssuer = expectedIssuer;
  return ok(result);
}

/**
 * Entra serves v1.0 and v2.0 metadata at almost the same address; only v2.0 issues tokens whose
 * issuer is login.microsoftonline.com/<tenant>/v2.0, and that issuer always names the tenant by
 * its ID, even when the URL used the tenant's domain name.
 */
function adjustEntra(
  protocol: string,
  host: string,
  path: string,
  pastedDiscovery: boolean,
  current: { discoveryUrl: string; expectedIssuer: string | undefined },
  notes: string[],
): Result<{ discoveryUrl: string; expectedIssuer: string | undefined }> {
  const segments = path.split("/").filter((s) => s !== "");
  const tenant = segments[0];
  if (tenant === undefined || tenant.startsWith(".")) {
    return fail(`This Entra URL has no tenant in it; ${ENTRA_TENANT_HINT}, for example https://login.microsoftonline.com/<Directory (tenant) ID>/v2.0.`);
  }
  if (MULTI_TENANT.has(tenant.toLowerCase())) return fail(multiTenantError(tenant));

  const rest = segments.slice(1).join("/");
  const issuerNamesTenant = GUID.test(tenant);
  const tenantNote = "Entra names the tenant by its ID in the issuer, so we will take the issuer from the discovery document.";

  if (pastedDiscovery) {
    if (rest === WELL_KNOWN_OIDC.slice(1)) {
      notes.push(
        `This is Entra's v1.0 metadata, whose tokens have a different issuer. We recommend the v2.0 one: ${protocol}//${host}/${tenant}/v2.0${WELL_KNOWN_OIDC}.`,
      );
      return ok({ discoveryUrl: current.discoveryUrl, expectedIssuer: undefined });
    }
    if (issuerNamesTenant) return ok(current);
    notes.push(tenantNote);
    return ok({ discoveryUrl: current.discoveryUrl, expectedIssuer: undefined });
  }
  if (rest === "") {
    notes.push("We added /v2.0 to use Entra's v2.0 endpoint.");
  } else if (rest !== "v2.0") {
    return fail("This is not an Entra issuer URL. Paste the issuer, which looks like https://login.microsoftonline.com/<Directory (tenant) ID>/v2.0.");
  }
  const issuer = `${protocol}//${host}/${tenant}/v2.0`;
  if (!issuerNamesTenant) notes.push(tenantNote);
  return ok({ discoveryUrl: `${issuer}${WELL_KNOWN_OIDC}`, expectedIssuer: issuerNamesTenant ? issuer : undefined });
}

function multiTenantError(tenant: string): string {
  return `"${tenant}" is a multi-tenant endpoint: multi-tenant endpoints cannot sign in one account; ${ENTRA_TENANT_HINT}.`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
