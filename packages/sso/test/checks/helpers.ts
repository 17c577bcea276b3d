import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import forge from "node-forge";
import type { FetchLike, GuardedFetch } from "../../src";

// One RSA key from node:crypto (fast) serves every test certificate; forge does the X.509 part.
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
export const privateKeyPem = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
export const publicKeyPem = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
const forgePrivate = forge.pki.privateKeyFromPem(keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString());
const forgePublic = forge.pki.publicKeyFromPem(publicKeyPem);

export const DAY = 24 * 60 * 60 * 1000;
export const NOW = new Date("2026-03-01T12:00:00Z");

export interface CertificateOptions {
  commonName?: string;
  notBefore?: Date;
  notAfter?: Date;
  keyUsage?: Record<string, boolean> | null;
  digest?: "sha256" | "sha1";
}

export interface TestCertificate {
  pem: string;
  der: Uint8Array;
  base64: string;
}

export function makeCertificate(options: CertificateOptions = {}): TestCertificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublic;
  cert.serialNumber = "0" + Math.floor(Math.random() * 1e12).toString(16);
  cert.validity.notBefore = options.notBefore ?? new Date(NOW.getTime() - 30 * DAY);
  cert.validity.notAfter = options.notAfter ?? new Date(NOW.getTime() + 365 * DAY);
  const name = [
    { name: "commonName", value: options.commonName ?? "idp.example.com" },
    { name: "organizationName", value: "Example IdP" },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  const keyUsage = options.keyUsage === undefined ? { digitalSignature: true } : options.keyUsage;
  if (keyUsage !== null) cert.setExtensions([{ name: "keyUsage", ...keyUsage }]);
  cert.sign(forgePrivate, options.digest === "sha1" ? forge.md.sha1.create() : forge.md.sha256.create());
  const pem = forge.pki.certificateToPem(cert);
  const derBinary = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  const der = new Uint8Array(Buffer.from(derBinary, "binary"));
  return { pem, der, base64: Buffer.from(der).toString("base64") };
}

export function makeCsrPem(): string {
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forgePublic;
  csr.setSubject([{ name: "commonName", value: "idp.example.com" }]);
  csr.sign(forgePrivate, forge.md.sha256.create());
  return forge.pki.certificationRequestToPem(csr);
}

export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, "").replace(/\s+/g, "");
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  origin: string;
  close: () => Promise<void>;
}

/** A real HTTP server on 127.0.0.1 whose routes are looked up by path. */
export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  const server = createServer((req, res) => {
    const handler = routes[new URL(req.url ?? "/", "http://x").pathname];
    if (handler === undefined) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on, so connecting is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function json(body: unknown, status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
}

export function text(body: string, contentType: string, status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": contentType });
    res.end(body);
  };
}

/**
 * Stands in for an identity provider outside this machine (name resolution, TLS, a public
 * address), which tests cannot reach. Only for what happens after the guard let a request out.
 */
export function remoteIdp(respond: FetchLike): GuardedFetch {
  return Object.assign((input: string | URL, init?: Parameters<GuardedFetch>[1]) => respond(String(input), init as RequestInit), { isGuarded: true as const });
}

/** A .p12/.pfx file holding the test key and the certificate, as DER bytes. */
export function makePkcs12(certificatePem: string): Uint8Array {
  const asn1 = forge.pkcs12.toPkcs12Asn1(forgePrivate, [forge.pki.certificateFromPem(certificatePem)], "secret", { algorithm: "3des" });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"));
}

/** A .p7b certificate bundle (PKCS#7 signedData with certificates only), as PEM. */
export function makePkcs7Pem(certificatePem: string): string {
  const p7 = forge.pkcs7.createSignedData();
  p7.addCertificate(forge.pki.certificateFromPem(certificatePem));
  return forge.pkcs7.messageToPem(p7);
}
