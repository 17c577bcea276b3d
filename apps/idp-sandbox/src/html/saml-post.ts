import { html } from "./escape";
import { page } from "./layout";

export interface SamlPostPageOptions {
  acsUrl: string;
  samlResponse: string;
  relayState?: string;
  appName: string;
  who: string;
}

/** HTTP-POST binding: the browser carries the response to the SP's ACS in a form. */
export function samlPostPage(options: SamlPostPageOptions): string {
  const body = html`
<div class="card brand">
  <h1>Signing you in…</h1>
  <p class="lead">Sending a SAML response for <strong>${options.who}</strong> to ${options.appName}.</p>
  <form id="saml-post" method="post" action="${options.acsUrl}">
    <input type="hidden" name="SAMLResponse" value="${options.samlResponse}">
    ${options.relayState !== undefined ? html`<input type="hidden" name="RelayState" value="${options.relayState}">` : ""}
    <button class="primary" type="submit">Continue</button>
  </form>
  <p class="hint">Destination: <code>${options.acsUrl}</code></p>
</div>
<script>document.getElementById('saml-post').submit();</script>`;
  return page({ title: "Signing you in…", body, accent: "#6d28d9", narrow: true });
}
