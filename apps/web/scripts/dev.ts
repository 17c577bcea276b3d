import path from "node:path";
import { startSandbox } from "@gatehouse/idp-sandbox";
import { createDatabase } from "@gatehouse/db";
import { DEMO_ACCOUNTS, seedDevLoginProvider } from "@gatehouse/core";
import { developmentSecrets, prepareDatabase, repoRoot } from "./prepare-database";
import { runNext } from "./run-next";

// `pnpm dev`: the database (embedded unless DATABASE_URL is set), migrations, demo seed, the
// local identity providers, then Next.js.
const port = process.env.PORT ?? "3000";
// The demo accounts share one published password: listen on this machine only unless HOST says
// otherwise (HOST=0.0.0.0 to reach it from another device).
const host = process.env.HOST ?? "127.0.0.1";
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const database = await prepareDatabase({ seed: true });
const secrets = developmentSecrets();

let stopSandbox = async () => {};
let sandboxUrl: string | null = null;
let sandboxDns: string | null = null;
if (process.env.IDP_SANDBOX !== "0") {
  const sandbox = await startSandbox({
    port: Number(process.env.IDP_SANDBOX_PORT ?? 3100),
    appUrl,
    // Kept on disk so a SAML certificate imported into Gatehouse stays valid across restarts.
    stateDir: path.join(repoRoot, ".data", "idp-sandbox"),
    // TXT records for *.test domains, published on the sandbox's DNS page (127.0.0.1 only).
    dnsPort: Number(process.env.IDP_SANDBOX_DNS_PORT ?? 5354),
  });
  sandboxDns = sandbox.dns.address;
  // "Login with Google" on /login, through the sandbox; the demo admin may manage it at /admin/identity-providers.
  const db = createDatabase(database.url, { max: 1 });
  try {
    const google = sandbox.demoOidcClients.google;
    const { created } = await seedDevLoginProvider(db, {
      issuer: sandbox.oidcIssuer("google"),
      discoveryUrl: sandbox.oidcDiscoveryUrl("google"),
      clientId: google.client_id,
      clientSecret: google.client_secret,
      encryptionKey: process.env.ENCRYPTION_KEY ?? secrets.ENCRYPTION_KEY,
      staffEmail: DEMO_ACCOUNTS[0]!.members[0]!.email,
    });
    if (created) console.log("[gatehouse] Seeded the login provider Google (IdP sandbox); admin@acme.test is staff");
  } finally {
    await db.$client.end();
  }
  stopSandbox = sandbox.stop;
  sandboxUrl = sandbox.url;
}

// The URLs the README's walkthrough asks for, with the ports actually in use.
const lines = [
  `Gatehouse      ${appUrl}/login   (admin@acme.test / gatehouse-demo)`,
  `Dev mailbox    ${appUrl}/dev/mailbox`,
  ...(sandboxUrl
    ? [
        `IdP sandbox    ${sandboxUrl}/   (OIDC + SAML test identity providers)`,
        `  Okta issuer  ${sandboxUrl}/oidc/okta   (client gatehouse-okta / sandbox-secret-okta)`,
        `  SAML apps    ${sandboxUrl}/saml/demo   (metadata URLs for SAML 2.0 connections)`,
        `  DNS page     ${sandboxUrl}/dns   (server ${sandboxDns}, used as DNS_SERVERS)`,
      ]
    : []),
  host === "127.0.0.1" || host === "localhost" || host === "::1"
    ? `Listening on ${host} only (set HOST=0.0.0.0 to reach it from other devices)`
    : `Listening on ${host}: other devices can reach it, and the demo passwords are public`,
];
console.log(["", ...lines.map((l) => `[gatehouse] ${l}`), ""].join("\n"));

runNext(
  ["dev", "--port", port, "--hostname", host],
  {
    DATABASE_URL: database.url,
    APP_URL: appUrl,
    HOST: host,
    AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.AUTH_SECRET,
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? secrets.ENCRYPTION_KEY,
    ...(sandboxUrl ? { IDP_SANDBOX_URL: sandboxUrl } : {}),
    // An explicit DNS_SERVERS wins; otherwise domain checks ask the sandbox, so the walkthrough works offline.
    ...(sandboxDns && !process.env.DNS_SERVERS ? { DNS_SERVERS: sandboxDns } : {}),
  },
  async () => {
    await stopSandbox();
    await database.stop();
  },
);
