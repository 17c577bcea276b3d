import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchSamlMetadata } from "../../src/checks";
import { guardedFetch } from "../../src/outbound";
import { closedPort, remoteIdp, startServer, text, type TestServer } from "./helpers";

// The test servers are on loopback, which the test deployment allows (as development does).
const fetchImpl = guardedFetch({ allowLoopback: true, allowPrivate: false });

const METADATA = `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:idp"/>`;

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    "/metadata": text(`\uFEFF${METADATA}\n`, "application/samlmetadata+xml"),
    "/login": text("<!DOCTYPE html><html><body>Sign in</body></html>", "text/html"),
    "/json": text('{"a":1}', "application/json"),
    "/private": text("no", "text/plain", 403),
    "/broken": text("oops", "text/plain", 502),
    "/huge": (_req, res) => {
      // Streams past the limit without a Content-Length, so the byte counter must stop it.
      res.writeHead(200, { "content-type": "application/xml" });
      const chunk = "<x>" + "a".repeat(64 * 1024) + "</x>";
      for (let i = 0; i < 20; i++) res.write(chunk);
      res.end();
    },
    "/hang": () => {
      // Never answers.
    },
    "/to-metadata": (_req, res) => {
      res.writeHead(301, { location: "/metadata" });
      res.end();
    },
    "/to-private": (_req, res) => {
      res.writeHead(302, { location: "https://10.0.0.7/metadata" });
      res.end();
    },
    "/loop": (_req, res) => {
      res.writeHead(302, { location: "/loop" });
      res.end();
    },
  });
});

afterAll(async () => {
  await server.close();
});

describe("fetchSamlMetadata", () => {
  it("downloads metadata from a local server", async () => {
    const result = await fetchSamlMetadata(`${server.origin}/metadata`, { fetchImpl });
    expect(result).toEqual({ ok: true, value: METADATA });
  });

  it("follows a redirect", async () => {
    expect(await fetchSamlMetadata(`${server.origin}/to-metadata`, { fetchImpl })).toEqual({ ok: true, value: METADATA });
  });

  const refusedUrls: [string, RegExp][] = [
    ["", /Enter the metadata URL/],
    ["http://idp.example.com/metadata", /use https/],
    ["file:///etc/passwd", /must start with https:\/\/ \(it starts with file:\/\/\)/],
  ];

  // Addresses are judged by the guarded fetch at connect time: test/outbound covers those.
  it.each(refusedUrls)("refuses %s before fetching", async (url, error) => {
    let called = false;
    const fetchImpl = remoteIdp(async (): Promise<Response> => {
      called = true;
      return new Response(METADATA);
    });
    const result = await fetchSamlMetadata(url, { fetchImpl });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it("explains the SSRF refusal", async () => {
    const result = await fetchSamlMetadata("https://10.0.0.5/md");
    expect(!result.ok && result.error).toMatch(/The address of 10\.0\.0\.5 is a private network address, which Gatehouse does not contact/);
  });

  it("accepts a public https host (through fetchImpl)", async () => {
    const fetchImpl = remoteIdp(async (url: string): Promise<Response> => {
      expect(url).toBe("https://idp.example.com/metadata");
      return new Response(METADATA, { headers: { "content-type": "application/xml" } });
    });
    expect(await fetchSamlMetadata("https://idp.example.com/metadata", { fetchImpl })).toEqual({ ok: true, value: METADATA });
  });

  const failures: [string, RegExp][] = [
    ["/missing", /^The metadata URL answered 404: there is no metadata at this address/],
    ["/private", /^The metadata URL answered 403: the metadata needs a sign-in/],
    ["/broken", /^The metadata URL answered 502: the identity provider had a server error/],
    ["/login", /returned a web page, not SAML metadata XML/],
    ["/json", /did not return XML/],
    ["/huge", /larger than 1 MB/],
    ["/to-private", /^The address of 10\.0\.0\.7 is a private network address, which Gatehouse does not contact/],
    ["/loop", /redirected us more than 5 times/],
  ];

  it.each(failures)("explains %s", async (path, error) => {
    const result = await fetchSamlMetadata(`${server.origin}${path}`, { fetchImpl });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it("explains a refused connection", async () => {
    const port = await closedPort();
    const result = await fetchSamlMetadata(`http://127.0.0.1:${port}/metadata`, { fetchImpl });
    expect(result).toEqual({
      ok: false,
      error: `We could not reach 127.0.0.1:${port} (connection refused). Check the URL and that the IdP is reachable from the Gatehouse server.`,
    });
  });

  it("times out", async () => {
    const started = Date.now();
    const result = await fetchSamlMetadata(`${server.origin}/hang`, { fetchImpl, timeoutMs: 150 });
    expect(!result.ok && result.error).toMatch(/timed out after 150 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const fetchImpl = remoteIdp(async (): Promise<Response> => new Response("<x/>", { headers: { "content-length": String(2 * 1024 * 1024) } }));
    const result = await fetchSamlMetadata("https://idp.example.com/md", { fetchImpl });
    expect(!result.ok && result.error).toMatch(/larger than 1 MB/);
  });
});
