import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchSamlMetadata } from "../../src/checks";
import { closedPort, startServer, text, type TestServer } from "./helpers";

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
    const result = await fetchSamlMetadata(`${server.origin}/metadata`);
    expect(result).toEqual({ ok: true, value: METADATA });
  });

  it("follows a redirect", async () => {
    expect(await fetchSamlMetadata(`${server.origin}/to-metadata`)).toEqual({ ok: true, value: METADATA });
  });

  const refusedUrls: [string, RegExp][] = [
    ["", /Enter the metadata URL/],
    ["http://idp.example.com/metadata", /use https/],
    ["file:///etc/passwd", /must start with https:\/\/ \(it starts with file:\/\/\)/],
    ["https://10.1.2.3/metadata", /private or link-local address \(10\.1\.2\.3\)/],
    ["https://172.20.0.1/metadata", /private/],
    ["https://192.168.1.10/metadata", /private/],
    ["https://169.254.169.254/latest/meta-data", /private or link-local address \(169\.254\.169\.254\)/],
    ["https://[fd00::1]/metadata", /private/],
    ["https://[fe80::1]/metadata", /link-local/],
    ["https://[::ffff:10.0.0.1]/metadata", /private/],
    ["https://0x0a000001/metadata", /private or link-local address \(10\.0\.0\.1\)/],
  ];

  it.each(refusedUrls)("refuses %s before connecting", async (url, error) => {
    let called = false;
    const fetchImpl = async (): Promise<Response> => {
      called = true;
      return new Response(METADATA);
    };
    const result = await fetchSamlMetadata(url, { fetchImpl });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it("explains the SSRF refusal", async () => {
    const result = await fetchSamlMetadata("https://10.0.0.5/md");
    expect(!result.ok && result.error).toMatch(/does not fetch from internal network addresses.*paste it instead/);
  });

  it("accepts a public https host (through fetchImpl)", async () => {
    const fetchImpl = async (url: string): Promise<Response> => {
      expect(url).toBe("https://idp.example.com/metadata");
      return new Response(METADATA, { headers: { "content-type": "application/xml" } });
    };
    expect(await fetchSamlMetadata("https://idp.example.com/metadata", { fetchImpl })).toEqual({ ok: true, value: METADATA });
  });

  const failures: [string, RegExp][] = [
    ["/missing", /answered 404 Not Found: there is no metadata at this address/],
    ["/private", /answered 403 Forbidden: the metadata needs a sign-in/],
    ["/broken", /answered 502 Bad Gateway: the identity provider had a server error/],
    ["/login", /returned a web page, not SAML metadata XML/],
    ["/json", /did not return XML/],
    ["/huge", /larger than 1 MB/],
    ["/to-private", /private or link-local address \(10\.0\.0\.7\)/],
    ["/loop", /redirected us more than 5 times/],
  ];

  it.each(failures)("explains %s", async (path, error) => {
    const result = await fetchSamlMetadata(`${server.origin}${path}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it("explains a refused connection", async () => {
    const port = await closedPort();
    const result = await fetchSamlMetadata(`http://127.0.0.1:${port}/metadata`);
    expect(result).toEqual({
      ok: false,
      error: `We could not reach 127.0.0.1:${port} (connection refused). Check the URL and that the IdP is reachable from the Gatehouse server.`,
    });
  });

  it("times out", async () => {
    const started = Date.now();
    const result = await fetchSamlMetadata(`${server.origin}/hang`, { timeoutMs: 150 });
    expect(!result.ok && result.error).toMatch(/timed out after 150 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const fetchImpl = async (): Promise<Response> =>
      new Response("<x/>", { headers: { "content-length": String(2 * 1024 * 1024) } });
    const result = await fetchSamlMetadata("https://idp.example.com/md", { fetchImpl });
    expect(!result.ok && result.error).toMatch(/larger than 1 MB/);
  });
});
