import { html } from "./escape";
import { page } from "./layout";
import { displayName, loginName, type TestUser } from "../users";

export interface LoginPageOptions {
  /** e.g. "Okta sandbox"; also the page title. */
  title: string;
  accent: string;
  /** Who is asking, e.g. "Signing in to gatehouse-okta". */
  subtitle: string;
  action: string;
  users: readonly TestUser[];
  error?: string;
  prefill?: string;
  /** Carried through the POST (e.g. the pending SAML request id). */
  hidden?: Record<string, string>;
}

/**
 * The one login screen shared by every OIDC profile and SAML app: type an email or
 * click a test user. There are no passwords because the sandbox only proves identity
 * plumbing, not credentials.
 */
export function loginPage(options: LoginPageOptions): string {
  const hidden = Object.entries(options.hidden ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  const users = options.users.map(
    (user) => html`<li><button type="submit" name="pick" value="${loginName(user)}">
      <span class="who">${displayName(user)} · ${loginName(user)}</span>
      <span class="note">${user.note}</span></button></li>`,
  );
  const body = html`
<div class="card brand">
  <h1><span class="brandmark"></span>${options.title}</h1>
  <p class="lead">${options.subtitle}</p>
  ${options.error ? html`<div class="error" role="alert">${options.error}</div>` : ""}
  <form method="post" action="${options.action}">
    ${hidden}
    <label for="email">Email</label>
    <input id="email" name="email" type="text" inputmode="email" autocomplete="username"
      value="${options.prefill ?? ""}" placeholder="admin@acme.test" autofocus>
    <button class="primary" type="submit">Sign in</button>
    <p class="hint">No password needed. Or pick a test user:</p>
    <ul class="users">${users}</ul>
  </form>
</div>`;
  return page({ title: options.title, body, accent: options.accent, narrow: true });
}
