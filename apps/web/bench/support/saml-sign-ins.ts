import { createHash, randomBytes } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { createDatabase, eq, ssoConnections, type Database, type SsoConnection } from "@gatehouse/db";
import { ensureAccount, ensureMember, PROVIDERS } from "@gatehouse/core";
import { createMailer } from "@gatehouse/email";
import { defaultSsoDatabaseUrl, getConnection, getJackson, guardedFetch, JACKSON_PRODUCT, saveConnection, ssoUrls, type SsoContext } from "@gatehouse/sso";
import { startSandbox, type Sandbox } from "@gatehouse/idp-sandbox";
import type { ProductionApp } from "./production-app";

/** One SP-initiated sign-in, started and answered by the IdP beforehand: what the browser posts next. */
export type PreparedSignIn = { samlResponse: string; relayState: string; flowCookie: string; acsCookie: string };

/** Where a sign-in's time went: the ACS POST, then the redirects after it until the session cookie (0 when the ACS set it). */
export type HopTimes = { acs: number[]; afterAcs: number[] };

const MEMBER_EMAIL = "admin@bench.test";
// Long enough for a phase of thousands of sign-ins; our flows themselves last 10 minutes.
const RESPONSE_LIFETIME_MS = 9 * 60_000;

function authnRequestId(redirectUrl: URL): string {
  const xml = inflateRawSync(Buffer.from(redirectUrl.searchParams.get("SAMLRequest")!, "base64")).toString();
  return /\sID="([^"]+)"/.exec(xml)![1]!;
}

/** The account, member and SAML connection (the sandbox's IdP) every sign-in of the bench uses. */
export class SamlSignInFixture {
  private constructor(
    readonly ctx: SsoContext & { db: Database },
    readonly sandbox: Sandbox,
    readonly appId: string,
    readonly connection: SsoConnection,
  ) {}

  static async create(app: ProductionApp): Promise<SamlSignInFixture> {
    const db = createDatabase(app.databaseUrl, { max: 4 });
    const ctx = {
      db,
      mailer: createMailer({ db, from: "bench@bench.test" }),
      appUrl: app.url,
      encryptionKey: app.encryptionKey,
      ssoDatabaseUrl: defaultSsoDatabaseUrl(app.databaseUrl),
      fetchImpl: guardedFetch({ allowLoopback: true, allowPrivate: false }),
    };
    const sandbox = await startSandbox({ port: 0, appUrl: app.url });
    const account = await ensureAccount(db, { name: "Bench", slug: "bench" });
    const admin = await ensureMember(db, { accountId: account.id, email: MEMBER_EMAIL, name: "Admin", role: "admin" });
    const urls = ssoUrls(app.url);
    const samlApp = sandbox.createSamlApp({ acsUrl: urls.samlAcsUrl, spEntityId: urls.spEntityId, name: "bench" });
    const saved = await saveConnection(ctx, {
      accountId: account.id,
      actor: { userId: admin.id, label: admin.email, ip: null },
      data: {
        name: "Bench SAML",
        description: "",
        buttonText: "SSO",
        provisioningMode: "match",
        jitRole: "member",
        allowedDomains: "",
        emailTrust: "trust",
        attributeMapping: PROVIDERS.saml.defaultMapping,
        provider: "saml",
        samlSource: "metadata_url",
        metadataUrl: samlApp.metadataUrl,
      },
    });
    if (!saved.ok) throw new Error(`could not save the bench connection: ${JSON.stringify(saved.error)}`);
    await db.update(ssoConnections).set({ enabled: true, verifiedAt: new Date() }).where(eq(ssoConnections.id, saved.value.id));
    return new SamlSignInFixture(ctx, sandbox, samlApp.id, (await getConnection(db, account.id, saved.value.id))!);
  }

  private signedResponse(inResponseTo: string): string {
    const now = Date.now();
    return this.sandbox.buildSamlResponse(this.appId, {
      email: MEMBER_EMAIL,
      inResponseTo,
      issueInstant: new Date(now),
      notBefore: new Date(now - 60_000),
      notOnOrAfter: new Date(now + RESPONSE_LIFETIME_MS),
    });
  }

  /** Starts `count` sign-ins through the app as separate browsers and has the IdP answer each (untimed). */
  async prepare(appUrl: string, count: number): Promise<PreparedSignIn[]> {
    const prepared: PreparedSignIn[] = [];
    for (let i = 0; i < count; i++) {
      const started = await fetch(`${appUrl}/api/sso/start?connectionId=${this.connection.id}`, { redirect: "manual" });
      const location = started.headers.get("location");
      const cookie = (name: string) =>
        started.headers
          .getSetCookie()
          .find((c) => c.startsWith(`${name}=`))
          ?.split(";")[0];
      const flowCookie = cookie("gh_sso_flow");
      const acsCookie = cookie("gh_sso_acs");
      if (started.status !== 303 || !location || !flowCookie || !acsCookie) throw new Error(`start answered ${started.status} ${location}`);
      const idpUrl = new URL(location);
      prepared.push({
        samlResponse: this.signedResponse(authnRequestId(idpUrl)),
        relayState: idpUrl.searchParams.get("RelayState") ?? "",
        flowCookie,
        acsCookie,
      });
    }
    return prepared;
  }

  /**
   * The browser's part of a SAML sign-in after the IdP: POST the response to the ACS with the ACS
   * cookie (a browser sends it cross-site: SameSite=None), follow each redirect of ours with the
   * flow cookie, until the session cookie arrives. `withoutAcsCookie` is a browser that drops it.
   */
  static async signIn(appUrl: string, prepared: PreparedSignIn, hops?: HopTimes, options: { withoutAcsCookie?: boolean } = {}): Promise<string> {
    const t0 = performance.now();
    let response = await fetch(`${appUrl}/api/oauth/saml`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(options.withoutAcsCookie ? {} : { cookie: prepared.acsCookie }) },
      body: new URLSearchParams({ SAMLResponse: prepared.samlResponse, RelayState: prepared.relayState }),
    });
    hops?.acs.push(performance.now() - t0);
    const t1 = performance.now();
    for (let hop = 0; hop < 3; hop++) {
      const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
      if (session) {
        hops?.afterAcs.push(performance.now() - t1);
        return session.split(";")[0]!;
      }
      const location = response.headers.get("location");
      if (response.status !== 303 || !location || !new URL(location, appUrl).pathname.startsWith("/api/")) {
        throw new Error(`sign-in ended at ${response.status} ${location ?? ""}`);
      }
      response = await fetch(new URL(location, appUrl), { redirect: "manual", headers: { cookie: prepared.flowCookie } });
    }
    throw new Error("sign-in did not finish within 3 redirects");
  }

  /**
   * Jackson 26.2 alone on the same PostgreSQL: its `samlResponse` (the bare ACS: signature check,
   * session lookup, code minted) for `count` sign-ins it started itself, timed in this process.
   */
  async jacksonBareAcs(count: number): Promise<{ samples: number[]; cpuMs: number }> {
    const jackson = await getJackson(this.ctx);
    const urls = ssoUrls(this.ctx.appUrl);
    const prepared: Array<{ SAMLResponse: string; RelayState: string }> = [];
    for (let i = 0; i < count; i++) {
      const verifier = randomBytes(32).toString("base64url");
      const started = await jackson.oauthController.authorize({
        tenant: this.connection.id,
        product: JACKSON_PRODUCT,
        client_id: "dummy",
        redirect_uri: urls.samlCallbackUri,
        response_type: "code",
        state: randomBytes(16).toString("base64url"),
        code_challenge: createHash("sha256").update(verifier).digest("base64url"),
        code_challenge_method: "S256",
      });
      const idpUrl = new URL(started.redirect_url!);
      prepared.push({ SAMLResponse: this.signedResponse(authnRequestId(idpUrl)), RelayState: idpUrl.searchParams.get("RelayState") ?? "" });
    }
    const samples: number[] = [];
    const cpu0 = process.cpuUsage();
    for (const body of prepared) {
      const t0 = performance.now();
      const result = await jackson.oauthController.samlResponse(body);
      if (!result.redirect_url?.includes("code=")) throw new Error(`Jackson refused: ${result.error ?? result.redirect_url}`);
      samples.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    return { samples, cpuMs: (cpu.user + cpu.system) / 1000 };
  }

  async close(): Promise<void> {
    await this.sandbox.stop();
    await this.ctx.db.$client.end();
  }
}
