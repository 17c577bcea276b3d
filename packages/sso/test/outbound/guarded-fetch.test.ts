import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardedFetch, OutboundRefusedError, PUBLIC_ONLY, type ResolveName } from "../../src/outbound";
import { startCountingServer, type CountingServer } from "./helpers";

const LOOPBACK_ALLOWED = { allowLoopback: true, allowPrivate: false };

let target: CountingServer;
let idp: CountingServer;

beforeAll(async () => {
  target = await startCountingServer();
  idp = await startCountingServer({
    "/to-unspecified": (_req, res) => {
      res.writeHead(302, { location: `http://0.0.0.0:${target.port}/` });
      res.end();
    },
    "/to-mapped": (_req, res) => {
      res.writeHead(302, { location: `http://[::ffff:10.0.0.7]:${target.port}/` });
      res.end();
    },
    "/to-internal-name": (_req, res) => {
      res.writeHead(307, { location: `http://internal.example.test:${target.port}/` });
      res.end();
    },
    "/to-target": (_req, res) => {
      res.writeHead(301, { location: `${target.origin}/` });
      res.end();
    },
    "/hang": () => {
      // Never answers.
    },
    "/stream": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 10; i++) res.write("x".repeat(1024));
      res.end();
    },
    "/declared": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": String(64 * 1024) });
      res.end("x".repeat(64 * 1024));
    },
  });
});

afterAll(async () => {
  await target.close();
  await idp.close();
});

async function refusal(promise: Promise<Response>): Promise<OutboundRefusedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundRefusedError);
  return error as OutboundRefusedError;
}

describe("guardedFetch with only public addresses allowed (production default)", () => {
  const strict = guardedFetch(PUBLIC_ONLY);
  // Every one of these reaches the loopback server (or would try an internal network) without the guard.
  const forms: [string, string][] = [
    ["127.0.0.1", "loopback"],
    ["localhost", "loopback"],
    ["[::1]", "loopback"],
    ["0.0.0.0", "reserved"],
    ["2130706433", "loopback"],
    ["0x7f000001", "loopback"],
    ["017700000001", "loopback"],
    ["0x7f.1", "loopback"],
    ["127.1", "loopback"],
    ["[::ffff:127.0.0.1]", "loopback"],
    ["[::ffff:7f00:1]", "loopback"],
    ["[::127.0.0.1]", "reserved"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.10", "private"],
    ["100.64.0.1", "private"],
    ["169.254.169.254", "reserved"],
    ["[fd00::1]", "private"],
    ["[fe80::1]", "reserved"],
    ["[::ffff:169.254.169.254]", "reserved"],
  ];

  it.each(forms)("refuses http://%s before connecting", async (host, kind) => {
    const before = target.connections();
    const error = await refusal(strict(`http://${host}:${target.port}/`));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(/which Gatehouse does not contact/);
    // Neither the port nor whether anything listens there is in the message.
    expect(error.message).not.toContain(String(target.port));
    expect(target.connections()).toBe(before);
  });

  it("refuses a name whose DNS answer is private, even when another answer is public", async () => {
    const resolveName: ResolveName = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
    const error = await refusal(guardedFetch(PUBLIC_ONLY, { resolveName })("https://idp.example.com/metadata"));
    expect(error.message).toBe(
      "The address of idp.example.com is a private network address, which Gatehouse does not contact. Use your identity provider's public address. (If your identity provider runs on your own network, the person who runs Gatehouse can allow private addresses with OUTBOUND_ALLOW_PRIVATE=1.)",
    );
  });
});

describe("guardedFetch with loopback allowed (development and tests)", () => {
  const loopback = guardedFetch(LOOPBACK_ALLOWED);

  it("reaches a loopback server", async () => {
    const response = await loopback(`${target.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("internal service");
  });

  it("still refuses private, link-local and unspecified addresses", async () => {
    const before = target.connections();
    expect((await refusal(loopback(`http://0.0.0.0:${target.port}/`))).kind).toBe("reserved");
    expect((await refusal(loopback("http://169.254.169.254/latest/meta-data"))).kind).toBe("reserved");
    expect((await refusal(loopback("http://10.0.0.7/"))).kind).toBe("private");
    expect(target.connections()).toBe(before);
  });

  it.each(["/to-unspecified", "/to-mapped"])("refuses the redirect hop of %s before connecting", async (path) => {
    const before = target.connections();
    await refusal(loopback(`${idp.origin}${path}`));
    expect(target.connections()).toBe(before);
  });

  it("refuses a redirect to a name that resolves to a private address", async () => {
    const resolveName: ResolveName = async (name) => [{ address: name === "internal.example.test" ? "10.0.0.7" : "127.0.0.1", family: 4 }];
    const error = await refusal(guardedFetch(LOOPBACK_ALLOWED, { resolveName })(`${idp.origin}/to-internal-name`));
    expect(error.host).toBe("internal.example.test");
  });

  it("follows an allowed redirect, and hands it back untouched when asked for manual", async () => {
    expect(await (await loopback(`${idp.origin}/to-target`)).text()).toBe("internal service");
    const manual = await loopback(`${idp.origin}/to-target`, { redirect: "manual" });
    expect(manual.status).toBe(301);
    expect(manual.headers.get("location")).toBe(`${target.origin}/`);
  });

  it("gives up on a server that never answers", async () => {
    const started = Date.now();
    const error = await guardedFetch(LOOPBACK_ALLOWED, { timeoutMs: 300 })(`${idp.origin}/hang`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toMatch(/TimeoutError|AbortError/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("stops reading a body past the size cap", async () => {
    const capped = guardedFetch(LOOPBACK_ALLOWED, { maxBytes: 4096 });
    const response = await capped(`${idp.origin}/stream`);
    await expect(response.text()).rejects.toThrow(/larger than 4096 bytes/);
    await expect(capped(`${idp.origin}/declared`)).rejects.toThrow(/larger than 4096 bytes/);
  });
});
