import { html, type SafeHtml } from "./escape";
import { page } from "./layout";
import type { SamlAppSummary } from "../saml/summary";

export const SAML_ACCENT = "#6d28d9";

export interface SamlListPageOptions {
  apps: SamlAppSummary[];
  defaultAcsUrl: string;
  defaultSpEntityId: string;
  error?: string;
}

function booleanLabel(app: SamlAppSummary): string {
  const signed = [app.signResponse && "response", app.signAssertion && "assertion"].filter(Boolean).join(" + ");
  return `${signed ? `signs ${signed}` : "unsigned"}${app.encryptAssertion ? ", encrypted" : ""}`;
}

export function samlListPage({ apps, defaultAcsUrl, defaultSpEntityId, error }: SamlListPageOptions): string {
  const rows = apps.map(
    (app) => html`<tr>
      <td><a href="/saml/${app.id}"><strong>${app.name}</strong></a><br><span class="hint">${app.id}</span></td>
      <td><code>${app.entityId}</code></td>
      <td><code>${app.acsUrl}</code><br><span class="hint">SP entity ID: ${app.spEntityId}</span></td>
      <td>${app.attributeProfile}<br><span class="hint">${booleanLabel(app)}</span></td>
    </tr>`,
  );
  const body = html`
<h1>SAML apps</h1>
<p class="lead">Each app is one SP connection with its own IdP entity ID and signing keys — like an app
in Okta or an enterprise application in Entra. Gatehouse needs one per tenant.</p>
<div class="card">
  <table>
    <thead><tr><th>App</th><th>IdP entity ID (Issuer)</th><th>Sends responses to</th><th>Attributes</th></tr></thead>
    <tbody>${rows.length ? rows : html`<tr><td colspan="4" class="hint">No apps yet.</td></tr>`}</tbody>
  </table>
</div>
<h2>Create an app</h2>
<div class="card">
  ${error ? html`<div class="error" role="alert">${error}</div>` : ""}
  <form method="post" action="/saml">
    <label for="name">Name</label>
    <input id="name" name="name" type="text" placeholder="Acme (Gatehouse)">
    <label for="acsUrl">ACS URL (Single sign-on URL)</label>
    <input id="acsUrl" name="acsUrl" type="url" required value="${defaultAcsUrl}">
    <label for="spEntityId">SP entity ID (Audience URI)</label>
    <input id="spEntityId" name="spEntityId" type="text" required value="${defaultSpEntityId}">
    <label for="attributeProfile">Attribute statements</label>
    <select id="attributeProfile" name="attributeProfile">
      <option value="basic">basic — email, firstName, lastName, displayName</option>
      <option value="okta">okta — basic plus login and groups</option>
      <option value="entra">entra — http://schemas.xmlsoap.org/… claim URIs</option>
      <option value="google">google — email, firstName, lastName</option>
    </select>
    <label for="certificateValidity">Signing certificate</label>
    <select id="certificateValidity" name="certificateValidity">
      <option value="year">valid for one year</option>
      <option value="expiring-soon">expires in 10 days</option>
      <option value="expired">already expired</option>
    </select>
    <div class="checks">
      <label><input type="checkbox" name="signResponse" value="true" checked> Sign response</label>
      <label><input type="checkbox" name="signAssertion" value="true" checked> Sign assertion</label>
      <label><input type="checkbox" name="encryptAssertion" value="true"> Encrypt assertion</label>
    </div>
    <label for="spCertificatePem">SP certificate (PEM, only for encryption)</label>
    <textarea id="spCertificatePem" name="spCertificatePem" placeholder="-----BEGIN CERTIFICATE-----" style="min-height:90px"></textarea>
    <button class="primary" type="submit">Create app</button>
  </form>
</div>`;
  return page({ title: "SAML apps — IdP sandbox", body, accent: SAML_ACCENT });
}

function keyRows(app: SamlAppSummary): SafeHtml[] {
  return app.keys.map((key) => {
    const expired = new Date(key.notAfter).getTime() < Date.now();
    return html`<tr>
      <td class="nowrap"><code>${key.id}</code></td>
      <td><span class="badge ${key.state}">${key.state}</span></td>
      <td class="nowrap">${key.notBefore.slice(0, 10)} → ${key.notAfter.slice(0, 10)}${expired ? html` <span class="badge">expired</span>` : ""}</td>
      <td><code class="fingerprint">${key.fingerprintSha256}</code></td>
    </tr>`;
  });
}

function actionButton(app: SamlAppSummary, action: string, label: string, enabled: boolean): SafeHtml {
  return html`<form method="post" action="/saml/${app.id}/keys/${action}">
    <button class="secondary" type="submit" ${enabled ? "" : "disabled"}>${label}</button></form>`;
}

export function samlAppPage(app: SamlAppSummary, notice?: string): string {
  const hasNext = app.keys.some((key) => key.state === "next");
  const hasPrevious = app.keys.some((key) => key.state === "previous");
  const body = html`
<p><a href="/saml">← All SAML apps</a></p>
<h1>${app.name}</h1>
<p class="lead">SAML 2.0 identity provider for one SP connection.</p>
${notice ? html`<div class="notice">${notice}</div>` : ""}
<div class="card brand">
  <h2 style="margin-top:0">Setup instructions</h2>
  <p class="hint">What Okta's “View SAML setup instructions” shows. In Gatehouse's Configure SSO wizard choose
  SAML and paste the metadata URL, or these three values.</p>
  <label>Identity Provider Single Sign-On URL</label>
  <input type="text" readonly value="${app.ssoUrl}">
  <label>Identity Provider Issuer</label>
  <input type="text" readonly value="${app.entityId}">
  <label>X.509 Certificate</label>
  <textarea class="pem" readonly>${app.certificatePem}</textarea>
  <dl class="kv">
    <dt>Metadata URL</dt><dd><a href="${app.metadataUrl}">${app.metadataUrl}</a></dd>
    <dt>Certificate</dt><dd><a href="/saml/${app.id}/certificate.pem">Download certificate.pem</a></dd>
    <dt>IdP-initiated sign-in</dt><dd><a href="${app.initiateUrl}">${app.initiateUrl}</a></dd>
  </dl>
</div>
<div class="card">
  <h3>Service provider</h3>
  <dl class="kv">
    <dt>ACS URL</dt><dd><code>${app.acsUrl}</code></dd>
    <dt>SP entity ID (Audience)</dt><dd><code>${app.spEntityId}</code></dd>
    <dt>Signing</dt><dd>${booleanLabel(app)} (RSA-SHA256, exclusive c14n)</dd>
    <dt>NameID</dt><dd>emailAddress</dd>
    <dt>Attributes</dt><dd>${app.attributeProfile} profile</dd>
  </dl>
  <form method="get" action="${app.initiateUrl}" class="actions">
    <input type="text" name="RelayState" placeholder="RelayState (optional)" style="max-width:320px">
    <button class="secondary" type="submit">Start IdP-initiated sign-in</button>
  </form>
</div>
<div class="card">
  <h3>Signing keys</h3>
  <p class="hint">Rotate adds a <em>next</em> key, published in metadata but not signing yet. Activate makes it sign;
  the old key stays published as <em>previous</em> until you retire it.</p>
  <table>
    <thead><tr><th>Key</th><th>State</th><th>Valid</th><th>SHA-256 fingerprint</th></tr></thead>
    <tbody>${keyRows(app)}</tbody>
  </table>
  <div class="actions">
    ${actionButton(app, "rotate", "Rotate: add next key", !hasNext)}
    ${actionButton(app, "activate-next", "Activate next key", hasNext)}
    ${actionButton(app, "retire-old", "Retire previous key", hasPrevious)}
  </div>
</div>`;
  return page({ title: `${app.name} — SAML app`, body, accent: SAML_ACCENT });
}
