import { html, type SafeHtml } from './escape';

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Brand colour of the IdP being imitated, so screens are recognisable at a glance. */
  accent?: string;
  /** Login-sized card instead of a full-width document. */
  narrow?: boolean;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;color:#1f2937;background:#f3f4f6}
a{color:var(--accent)}
main{max-width:980px;margin:0 auto;padding:32px 20px 64px}
main.narrow{max-width:440px;padding-top:56px}
header.top{background:#111827;color:#f9fafb;padding:10px 20px;font-size:13px}
header.top a{color:#f9fafb;text-decoration:none;margin-right:16px}
header.top strong{margin-right:24px}
h1{font-size:26px;margin:0 0 8px}
h2{font-size:19px;margin:32px 0 8px}
h3{font-size:16px;margin:0 0 6px}
p.lead{color:#4b5563;margin-top:0}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:20px 22px;margin:14px 0;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.card.brand{border-top:4px solid var(--accent)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:14px}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:8px 0}
dl.kv dt{color:#6b7280}
dl.kv dd{margin:0;word-break:break-all}
code,pre,textarea{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
code{background:#f3f4f6;border-radius:4px;padding:1px 5px}
pre{background:#f9fafb;border:1px solid #e5e7eb;border-radius:6px;padding:10px;overflow:auto}
textarea{width:100%;min-height:170px;padding:8px;border:1px solid #d1d5db;border-radius:6px;background:#f9fafb}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{text-align:left;padding:7px 9px;border-bottom:1px solid #e5e7eb;vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#6b7280}
label{display:block;font-weight:600;margin:14px 0 4px}
input[type=email],input[type=text],input[type=url],select{width:100%;padding:9px 11px;border:1px solid #d1d5db;border-radius:6px;font:inherit}
input:focus,select:focus,textarea:focus{outline:2px solid var(--accent);outline-offset:1px}
.checks label{display:inline-flex;gap:6px;align-items:center;font-weight:400;margin:6px 18px 0 0}
button,.button{display:inline-block;font:inherit;font-weight:600;border-radius:6px;padding:9px 16px;border:1px solid transparent;cursor:pointer;text-decoration:none}
button.primary,.button.primary{background:var(--accent);color:#fff;width:100%;margin-top:18px;text-align:center}
button.secondary{background:#fff;border-color:#d1d5db;color:#1f2937}
button:hover{filter:brightness(.95)}
button:disabled{opacity:.45;cursor:not-allowed;filter:none}
.nowrap{white-space:nowrap}
code.fingerprint{font-size:11px;word-break:break-all}
textarea.pem{min-height:390px}
.hint{color:#6b7280;font-size:13px}
.error{background:#fef2f2;border:1px solid #fecaca;color:#991b1b;border-radius:6px;padding:10px 12px;margin:12px 0}
.notice{background:#eff6ff;border:1px solid #bfdbfe;color:#1e3a8a;border-radius:6px;padding:10px 12px;margin:12px 0}
.warn{background:#fffbeb;border:1px solid #fde68a;color:#92400e;border-radius:6px;padding:10px 12px;margin:12px 0}
.brandmark{display:inline-block;width:12px;height:12px;border-radius:3px;background:var(--accent);margin-right:8px}
.users{list-style:none;padding:0;margin:6px 0 0}
.users li{margin:6px 0}
.users button{width:100%;text-align:left;background:#fff;border:1px solid #e5e7eb;font-weight:400;padding:8px 12px}
.users button:hover{border-color:var(--accent)}
.users .who{font-weight:600;display:block}
.users .note{color:#6b7280;font-size:13px}
.badge{display:inline-block;font-size:12px;border-radius:999px;padding:1px 8px;background:#e5e7eb;color:#374151}
.badge.active{background:#dcfce7;color:#166534}
.badge.next{background:#dbeafe;color:#1e40af}
.badge.previous{background:#fef9c3;color:#854d0e}
.badge.retired{background:#f3f4f6;color:#9ca3af}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin-top:10px}
.actions form{margin:0}
footer{color:#9ca3af;font-size:12px;text-align:center;margin-top:32px}
`;

export function page({ title, body, accent = '#374151', narrow = false }: PageOptions): string {
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>:root{--accent:${accent}}${CSS}</style>
</head>
<body>
<header class="top"><strong>Gatehouse IdP sandbox</strong><a href="/">Overview</a><a href="/saml">SAML apps</a><a href="/dns">DNS</a></header>
<main class="${narrow ? 'narrow' : ''}">
${body}
<footer>Development sandbox — not a real identity provider. Everything here is fake and lives in memory.</footer>
</main>
</body>
</html>`}`;
}
