import { html } from "./escape";
import { page } from "./layout";
import type { DemoClient } from "../oidc/hub";
import type { OidcProfile } from "../oidc/profiles";
import type { SamlAppSummary } from "../saml/summary";
import { displayName, loginName, TEST_USERS } from "../users";

export interface IndexPageData {
  baseUrl: string;
  appUrl: string;
  oidc: Array<{ profile: OidcProfile; issuer: string; discoveryUrl: string; client: DemoClient }>;
  samlApps: SamlAppSummary[];
  demoSamlAppId: string;
}

function oidcCard({ profile, issuer, discoveryUrl, client }: IndexPageData["oidc"][number]) {
  return html`
<div class="card brand" style="--accent:${profile.accent}">
  <h3><span class="brandmark"></span>${profile.vendor}</h3>
  <dl class="kv">
    <dt>Issuer</dt><dd><code>${issuer}</code></dd>
    <dt>Discovery</dt><dd><a href="${discoveryUrl}">${discoveryUrl}</a></dd>
    <dt>Client ID</dt><dd><code>${client.client_id}</code></dd>
    <dt>Client secret</dt><dd><code>${client.client_secret}</code></dd>
    <dt>Redirect URIs</dt><dd>${client.redirect_uris.map((uri) => html`<code>${uri}</code><br>`)}</dd>
  </dl>
  <p class="hint" style="margin-bottom:4px">In Gatehouse's Configure SSO wizard:</p>
  <ul class="hint" style="margin-top:0">${profile.wizardSteps.map((step) => html`<li>${step}</li>`)}</ul>
</div>`;
}

export function indexPage(data: IndexPageData): string {
  const samlRows = data.samlApps.map(
    (app) => html`<tr>
      <td><a href="/saml/${app.id}"><strong>${app.name}</strong></a>${app.id === data.demoSamlAppId ? html` <span class="badge">demo</span>` : ""}</td>
      <td><a href="${app.metadataUrl}">${app.metadataUrl}</a></td>
      <td><code>${app.acsUrl}</code><br><span class="hint">Audience ${app.spEntityId}</span></td>
    </tr>`,
  );
  const userRows = TEST_USERS.map(
    (user) => html`<tr>
      <td><code>${loginName(user)}</code></td>
      <td>${displayName(user)}</td>
      <td>${user.note}</td>
      <td class="hint">${user.only ? user.only.join(", ") : "all"}</td>
    </tr>`,
  );
  const body = html`
<h1>Gatehouse IdP sandbox</h1>
<p class="lead">Real OpenID Connect and SAML 2.0 identity providers on your machine, for building and testing
Gatehouse's single sign-on without internet access or vendor accounts. They look like Okta, Microsoft Entra ID and
Google Workspace to Gatehouse, issue real signed tokens and assertions, and let you sign in as any test user
without a password.</p>
<div class="notice">Gatehouse is expected at <code>${data.appUrl}</code> (set <code>SANDBOX_APP_URL</code> to change).
The demo clients and the demo SAML app send users back there. State is in memory: restarting resets sessions and
OIDC clients created through the API.</div>

<h2>OpenID Connect providers</h2>
<p class="hint">Each profile is its own issuer with its own signing key and the claims that vendor sends.
Every sign-in shows the login screen so you can switch users. Create more clients with
<code>POST /api/oidc/&lt;okta|entra|google|generic&gt;/clients</code> and a JSON body
<code>{"redirect_uris": ["…"], "token_endpoint_auth_method": "client_secret_post"}</code>.</p>
<div class="grid">${data.oidc.map(oidcCard)}</div>

<h2>SAML apps</h2>
<p class="hint">In the wizard choose SAML and paste an app's metadata URL. Each app has its own entity ID; create
one per Gatehouse tenant on the <a href="/saml">SAML apps</a> page or with <code>POST /api/saml/apps</code>.</p>
<div class="card">
  <table>
    <thead><tr><th>App</th><th>Metadata URL</th><th>Sends responses to</th></tr></thead>
    <tbody>${samlRows}</tbody>
  </table>
  <p><a href="/saml">Manage SAML apps →</a></p>
</div>

<h2>DNS for domain verification</h2>
<p class="hint">Gatehouse's Domains page asks for a TXT record. For <code>*.test</code> domains, publish it on the
<a href="/dns">DNS page</a> (or <code>POST /api/dns/records</code>); <code>pnpm dev</code> points Gatehouse's DNS_SERVERS at this sandbox.</p>

<h2>Test users</h2>
<p class="hint">No passwords: type the email (or UPN) on any login screen, or click the user. Add users in
<code>apps/idp-sandbox/src/users.ts</code>.</p>
<div class="card">
  <table>
    <thead><tr><th>Sign in as</th><th>Name</th><th>What it is for</th><th>IdPs</th></tr></thead>
    <tbody>${userRows}</tbody>
  </table>
</div>`;
  return page({ title: "Gatehouse IdP sandbox", body, accent: "#111827" });
}
