import { html, SafeHtml } from "./escape";
import { page } from "./layout";

/** `form` is oidc-provider's own hidden form (it carries the xsrf token), inserted verbatim. */
export function logoutPage(title: string, accent: string, form: string): string {
  const body = html`
<div class="card brand">
  <h1><span class="brandmark"></span>${title}</h1>
  <p class="lead">Sign out of the sandbox IdP?</p>
  ${new SafeHtml(form)}
  <button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Yes, sign me out</button>
  <button class="secondary" type="submit" form="op.logoutForm" style="width:100%;margin-top:8px">No, stay signed in</button>
</div>`;
  return page({ title, body, accent, narrow: true });
}

export function signedOutPage(title: string, accent: string): string {
  const body = html`
<div class="card brand">
  <h1><span class="brandmark"></span>${title}</h1>
  <div class="notice">You are signed out of the sandbox IdP.</div>
  <p class="hint"><a href="/">Back to the sandbox overview</a></p>
</div>`;
  return page({ title, body, accent, narrow: true });
}
