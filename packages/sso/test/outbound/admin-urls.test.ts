import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOidcDiscovery, fetchSamlMetadata } from "../../src/checks";
import { guardedFetch } from "../../src/outbound";
import { startCountingServer, type CountingServer } from "./helpers";

/**
 * The wizard's metadata URL and discovery URL, and the URLs the IdP's documents name, as an
 * admin would enter them. Unless the deployment says otherwise, Gatehouse contacts public
 * addresses only.
 */
const METADATA = `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:idp"/>`;
const WK = "/.well-known/openid-configuration";
const loopbackAllowed = guardedFetch({ allowLoopback: true, allowPrivate: false });

let internal: CountingServer;
let idp: CountingServer;

beforeAll(async () => {
  internal = await startCountingServer({
    "/metadata": (_req, res) => {
      res.writeHead(200, { "content-type": "application/samlmetadata+xml" });
      res.end(METADATA);
    },
  });
  idp = await startCountingServer({
    "/metadata-moved": (_req, res) => {
      res.writeHead(302, { location: `https://0.0.0.0:${internal.port}/metadata` });
      res.end();
    },
    "/gone": (_req, res) => {
      res.writeHead(404, "Internal-Banner vault.corp.example", { "content-type": "text/html" });
      res.end("<html>Apache/2.4.1 on vault.corp.example port 8200</html>");
    },
    [`/idp${WK}`]: (_req, res) => {
      const issuer = `${idp.origin}/idp`;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `https://0.0.0.0:${internal.port}/jwks`,
        }),
      );
    },
  });
});

afterAll(async () => {
  await internal.close();
  await idp.close();
});

describe("with the production default (public addresses only)", () => {
  const loopbackForms = ["localhost", "127.0.0.1", "[::1]", "2130706433", "0x7f000001", "017700000001", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]"];

  // https, so the form check (plain http only for localhost) cannot be what refuses them.
  it.each(loopbackForms)("refuses the metadata URL https://%s:PORT before connecting", async (host) => {
    const before = internal.connections();
    const result = await fetchSamlMetadata(`https://${host}:${internal.port}/metadata`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^The address of \S+ is an address on the Gatehouse server itself, which Gatehouse does not contact\./);
    expect(internal.connections()).toBe(before);
  });

  it.each(["https://0.0.0.0:PORT/metadata", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/metadata", "https://[::127.0.0.1]/metadata"])(
    "refuses the metadata URL %s",
    async (url) => {
      const before = internal.connections();
      const result = await fetchSamlMetadata(url.replace("PORT", String(internal.port)));
      expect(!result.ok && result.error).toMatch(/which Gatehouse does not contact/);
      expect(internal.connections()).toBe(before);
    },
  );

  it("refuses a discovery URL on loopback before connecting", async () => {
    const before = idp.connections();
    const result = await checkOidcDiscovery({ discoveryUrl: `http://localhost:${idp.port}/idp${WK}`, scopes: ["openid"], tokenEndpointAuthMethod: "none" });
    expect(result.items).toEqual([
      {
        id: "reachable",
        label: "Discovery URL reachable",
        status: "error",
        detail:
          "The address of localhost is an address on the Gatehouse server itself, which Gatehouse does not contact. Use your identity provider's public address.",
      },
    ]);
    expect(idp.connections()).toBe(before);
  });
});

describe("with loopback allowed (development, tests)", () => {
  it("refuses a metadata redirect to an internal address at the hop", async () => {
    const before = internal.connections();
    const result = await fetchSamlMetadata(`${idp.origin}/metadata-moved`, { fetchImpl: loopbackAllowed });
    expect(!result.ok && result.error).toMatch(/^The address of 0\.0\.0\.0 is a reserved or link-local network address/);
    expect(internal.connections()).toBe(before);
  });

  it("refuses a jwks_uri inside the network that the discovery document names", async () => {
    const before = internal.connections();
    const result = await checkOidcDiscovery({
      discoveryUrl: `${idp.origin}/idp${WK}`,
      scopes: ["openid"],
      tokenEndpointAuthMethod: "none",
      fetchImpl: loopbackAllowed,
    });
    const jwks = result.items.find((i) => i.id === "jwks");
    expect(jwks?.status).toBe("error");
    expect(jwks?.detail).toMatch(/^Fetching the signing keys failed\. The address of 0\.0\.0\.0 is a reserved or link-local network address/);
    expect(internal.connections()).toBe(before);
  });

  it("says only which status a URL answered, never the server's words", async () => {
    const metadata = await fetchSamlMetadata(`${idp.origin}/gone`, { fetchImpl: loopbackAllowed });
    expect(metadata).toEqual({
      ok: false,
      error: "The metadata URL answered 404: there is no metadata at this address. Copy the metadata URL again from your identity provider.",
    });
    const discovery = await checkOidcDiscovery({
      discoveryUrl: `${idp.origin}/gone`,
      scopes: ["openid"],
      tokenEndpointAuthMethod: "none",
      fetchImpl: loopbackAllowed,
    });
    const status = discovery.items.find((i) => i.id === "http_status");
    expect(status?.detail).toMatch(/^The discovery URL answered 404: /);
    expect(JSON.stringify(discovery.items)).not.toMatch(/vault|Apache|Internal-Banner/);
  });
});
