import { fileURLToPath } from "node:url";
import { OIDC_PROFILE_IDS, OIDC_PROFILES, startSandbox } from "./index";

const port = Number(process.env.IDP_SANDBOX_PORT ?? 3100);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`IDP_SANDBOX_PORT must be a port number, got "${process.env.IDP_SANDBOX_PORT}".`);
  process.exit(1);
}

// Saved next to the package so the demo SAML certificate Gatehouse imported stays valid
// across restarts. IDP_SANDBOX_STATE_DIR="" keeps everything in memory.
const stateDir = process.env.IDP_SANDBOX_STATE_DIR ?? fileURLToPath(new URL("../.state", import.meta.url));

const dnsPort = Number(process.env.IDP_SANDBOX_DNS_PORT ?? 5354);
const sandbox = await startSandbox({ port, dnsPort, stateDir: stateDir || undefined }).catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === "EADDRINUSE"
      ? `Port ${port} (HTTP) or ${dnsPort} (DNS) is in use. Stop the other process or set IDP_SANDBOX_PORT / IDP_SANDBOX_DNS_PORT.`
      : `Could not start the IdP sandbox: ${(error as Error).message}`,
  );
  process.exit(1);
});

const demoSaml = sandbox.samlApps.summary(sandbox.demoSamlAppId);
console.log(`
Gatehouse IdP sandbox running at ${sandbox.url}
  Gatehouse (app) URL: ${sandbox.appUrl}

OIDC (discovery URL · demo client id / secret):
${OIDC_PROFILE_IDS.map((id) => {
  const client = sandbox.demoOidcClients[id];
  return `  ${OIDC_PROFILES[id].vendor.padEnd(22)} ${sandbox.oidcDiscoveryUrl(id)}\n  ${"".padEnd(22)} ${client.client_id} / ${client.client_secret}`;
}).join("\n")}

SAML demo app (ACS ${demoSaml.acsUrl}, audience ${demoSaml.spEntityId}):
  Metadata URL: ${demoSaml.metadataUrl}
${stateDir ? `  Keys saved in ${stateDir}\n` : ""}
DNS for *.test TXT records: ${sandbox.dns.address} (publish at ${sandbox.url}/dns; Gatehouse: DNS_SERVERS=${sandbox.dns.address})

Open ${sandbox.url}/ for setup instructions and test users. Ctrl+C to stop.
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received, stopping the IdP sandbox…`);
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
