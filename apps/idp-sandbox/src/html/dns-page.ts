import type { TxtRecord } from "../dns/txt-zone";
import { html } from "./escape";
import { page } from "./layout";

export interface DnsPageOptions {
  records: TxtRecord[];
  dnsAddress: string;
  /** Prefilled from the query string, e.g. a link from Gatehouse's Domains page. */
  name?: string;
  value?: string;
  error?: string;
}

export function dnsPage({ records, dnsAddress, name = "", value = "", error }: DnsPageOptions): string {
  const rows = records.map(
    (record) => html`<tr>
      <td><code>${record.name}</code></td>
      <td><code>${record.value}</code></td>
      <td class="nowrap"><form method="post" action="/dns/delete">
        <input type="hidden" name="name" value="${record.name}"><input type="hidden" name="value" value="${record.value}">
        <button class="secondary" type="submit" aria-label="Delete ${record.name} ${record.value}">Delete</button>
      </form></td>
    </tr>`,
  );
  const body = html`
<h1>DNS (TXT records)</h1>
<p class="lead">A DNS server for <code>*.test</code> names at <code>${dnsAddress}</code> (UDP, loopback only). Publish the
TXT record Gatehouse's Domains page asks for, then click <em>Verify now</em> there. <code>pnpm dev</code> points
Gatehouse's <code>DNS_SERVERS</code> here; records live in memory until the sandbox stops.</p>
<div class="card">
  <table>
    <thead><tr><th>Name</th><th>Value</th><th></th></tr></thead>
    <tbody>${rows.length ? rows : html`<tr><td colspan="3" class="hint">No records yet.</td></tr>`}</tbody>
  </table>
</div>
<h2>Publish a TXT record</h2>
<div class="card">
  ${error ? html`<div class="error" role="alert">${error}</div>` : ""}
  <form method="post" action="/dns">
    <label for="name">Name</label>
    <input id="name" name="name" type="text" required placeholder="_gatehouse-challenge.acme.test" value="${name}">
    <label for="value">Value</label>
    <input id="value" name="value" type="text" required placeholder="gatehouse-verification=…" value="${value}">
    <button class="primary" type="submit">Publish record</button>
  </form>
  <p class="hint">Also over HTTP: <code>POST /api/dns/records</code> with <code>{"name", "value"}</code>,
  <code>GET /api/dns/records</code>, <code>DELETE /api/dns/records</code> with <code>{"name", "value"?}</code>.</p>
</div>`;
  return page({ title: "DNS — IdP sandbox", body, accent: "#0f766e" });
}
