import { html } from "./escape";
import { page } from "./layout";

export interface ErrorPageOptions {
  title: string;
  message: string;
  /** Raw protocol details (error codes, descriptions) for the developer reading the page. */
  details?: Record<string, unknown>;
  accent?: string;
}

export function errorPage({ title, message, details, accent }: ErrorPageOptions): string {
  const rows = Object.entries(details ?? {})
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([key, value]) => html`<dt>${key}</dt><dd><code>${String(value)}</code></dd>`);
  const body = html`
<div class="card brand">
  <h1>${title}</h1>
  <div class="error" role="alert">${message}</div>
  ${rows.length ? html`<dl class="kv">${rows}</dl>` : ""}
  <p class="hint"><a href="/">Back to the sandbox overview</a></p>
</div>`;
  return page({ title, body, accent, narrow: true });
}
