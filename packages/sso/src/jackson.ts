import { createHash } from "node:crypto";
import postgres from "postgres";
import type { SAMLJackson } from "@boxyhq/saml-jackson";
import { ssoUrls, type SsoContext } from "./context";

/** Jackson's product name for every connection; the tenant is our connection id. */
export const JACKSON_PRODUCT = "gatehouse";

const store = globalThis as unknown as { gatehouseJackson?: Map<string, Promise<SAMLJackson>> };

/**
 * One Jackson per process and configuration, created on first use. Its tables live in their
 * own database on the same server, so drizzle-kit never sees them and every replica shares them.
 */
export function getJackson(ctx: Pick<SsoContext, "appUrl" | "ssoDatabaseUrl" | "encryptionKey">): Promise<SAMLJackson> {
  store.gatehouseJackson ??= new Map();
  const key = `${ctx.appUrl}|${ctx.ssoDatabaseUrl}`;
  let jackson = store.gatehouseJackson.get(key);
  if (!jackson) {
    jackson = initJackson(ctx);
    store.gatehouseJackson.set(key, jackson);
    jackson.catch(() => store.gatehouseJackson?.delete(key));
  }
  return jackson;
}

async function initJackson(ctx: Pick<SsoContext, "appUrl" | "ssoDatabaseUrl" | "encryptionKey">): Promise<SAMLJackson> {
  await ensureDatabase(ctx.ssoDatabaseUrl);
  const urls = ssoUrls(ctx.appUrl);
  const { default: jackson } = await import("@boxyhq/saml-jackson");
  return jackson({
    externalUrl: ctx.appUrl,
    samlPath: new URL(urls.samlAcsUrl).pathname,
    samlAudience: urls.spEntityId,
    // Jackson otherwise reports usage to an outside service at start and daily.
    noAnalytics: true,
    // Unsolicited responses are never redeemed by Jackson: our ACS restarts them as SP-initiated.
    idpEnabled: false,
    db: {
      engine: "sql",
      type: "postgres",
      url: ctx.ssoDatabaseUrl,
      // Without a key Jackson stores the SP private key and raw SAML responses as plaintext.
      encryptionKey: createHash("sha256").update(`gatehouse:jackson:${ctx.encryptionKey}`).digest("base64").slice(0, 32),
    },
    logger: {
      info: () => {},
      warn: (message: string) => console.warn(`[sso] ${message}`),
      error: (message: string) => console.error(`[sso] ${message}`),
    },
  });
}

/** Jackson retries forever, silently, when its database is missing: create it first. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  // Connect to the target itself first: on managed servers the app may not reach `postgres`.
  const direct = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await direct`select 1`;
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw explain(name, error); // 3D000: database does not exist
  } finally {
    await direct.end();
  }
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`).catch((error: { code?: string }) => {
      if (error.code !== "42P04") throw explain(name, error); // 42P04: created meanwhile by another instance
    });
  } finally {
    await sql.end();
  }
}

/** The SSO database URL when none is given: `<main database>_sso` on the same server. */
export function defaultSsoDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}_sso`;
  return url.toString();
}

function explain(name: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`The SSO database "${name}" is not usable (${reason}). Create it, or set SSO_DATABASE_URL to a database the app may use.`);
}
