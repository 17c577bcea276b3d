import { html, SafeHtml } from "./escape";

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Brand colour of the IdP being imitated, so screens are recognisable at a glance. */
  accent?: string;
  /** Login-sized card instead of a full-width document. */
  narrow?: boolean;
}

/**
 * The app's look (Tailwind 4's default theme as the console uses it), written out by hand because the
 * sandbox serves plain HTML: the same font stack, type sizes (text-sm 14/20, text-base 16/24,
 * text-xl 20/28, text-2xl 24/32), 4 px spacing steps and slate greys. Only the accent differs,
 * so each imitated IdP stays recognisable.
 */
const TOKENS = `
:root{
--font-sans:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans",Arial,sans-serif,"Apple Color Emoji","Segoe UI Emoji","Segoe UI Symbol","Noto Color Emoji";
--font-mono:ui-monospace,SFMono-Regular,Menlo,Monaco,Consolas,"Liberation Mono","Courier New",monospace;
--slate-50:#f8fafc;--slate-100:#f1f5f9;--slate-200:#e2e8f0;--slate-300:#cbd5e1;--slate-500:#64748b;--slate-600:#475569;--slate-700:#334155;--slate-900:#0f172a;
--space-1:4px;--space-2:8px;--space-3:12px;--space-4:16px;--space-5:20px;--space-6:24px;--space-8:32px;--space-12:48px;--space-16:64px;
}`;

const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:var(--font-sans);font-size:14px;line-height:20px;color:var(--slate-900);background:var(--slate-50);-webkit-font-smoothing:antialiased;-moz-osx-font-smoothing:grayscale}
a{color:var(--accent)}
main{max-width:72rem;margin:0 auto;padding:var(--space-8) var(--space-4) var(--space-16)}
main.narrow{max-width:28rem;padding-top:var(--space-12)}
header.top{background:var(--slate-900);color:var(--slate-50);padding:var(--space-3) var(--space-4);font-size:14px;line-height:20px}
header.top a{color:var(--slate-50);text-decoration:none;margin-right:var(--space-4)}
header.top strong{font-weight:600;margin-right:var(--space-6)}
h1{font-size:24px;line-height:32px;font-weight:600;margin:0 0 var(--space-2)}
main.narrow h1{font-size:20px;line-height:28px}
h2{font-size:18px;line-height:28px;font-weight:600;margin:var(--space-8) 0 var(--space-2)}
h3{font-size:16px;line-height:24px;font-weight:600;margin:0 0 var(--space-1)}
p{margin:var(--space-3) 0}
p.lead{color:var(--slate-600);margin-top:0}
.card{background:#fff;border-radius:8px;padding:var(--space-4) var(--space-5);margin:var(--space-4) 0;box-shadow:0 1px 2px rgba(0,0,0,.05),0 0 0 1px var(--slate-200)}
.card.brand{border-top:4px solid var(--accent)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,26rem),1fr));gap:var(--space-4)}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:var(--space-1) var(--space-4);margin:var(--space-2) 0}
dl.kv dt{color:var(--slate-500)}
dl.kv dd{margin:0;word-break:break-all}
code,pre,textarea{font-family:var(--font-mono);font-size:12px;line-height:16px}
code{background:var(--slate-100);border-radius:4px;padding:2px var(--space-1)}
pre{background:var(--slate-50);border:1px solid var(--slate-200);border-radius:6px;padding:var(--space-3);overflow:auto}
textarea{width:100%;min-height:170px;padding:var(--space-2) var(--space-3);border:1px solid var(--slate-300);border-radius:6px;background:var(--slate-50)}
table{border-collapse:collapse;width:100%;margin:var(--space-2) 0}
th,td{text-align:left;padding:var(--space-2) var(--space-3);border-bottom:1px solid var(--slate-200);vertical-align:top}
th{font-size:12px;line-height:16px;font-weight:500;text-transform:uppercase;letter-spacing:.025em;color:var(--slate-500);background:var(--slate-50)}
label{display:block;font-weight:500;color:var(--slate-900);margin:var(--space-4) 0 var(--space-1)}
input[type=email],input[type=text],input[type=url],select{width:100%;padding:var(--space-2) var(--space-3);border:1px solid var(--slate-300);border-radius:6px;font:inherit}
input:focus,select:focus,textarea:focus{outline:2px solid var(--accent);outline-offset:1px}
.checks label{display:inline-flex;gap:var(--space-2);align-items:center;font-weight:400;margin:var(--space-2) var(--space-4) 0 0}
button,.button{display:inline-block;font:inherit;font-weight:600;border-radius:6px;padding:var(--space-2) var(--space-3);border:1px solid transparent;cursor:pointer;text-decoration:none}
button.primary,.button.primary{background:var(--accent);color:#fff;width:100%;margin-top:var(--space-4);text-align:center}
button.secondary{background:#fff;border-color:var(--slate-300);color:var(--slate-900)}
button:hover{filter:brightness(.95)}
button:disabled{opacity:.45;cursor:not-allowed;filter:none}
.nowrap{white-space:nowrap}
code.fingerprint{font-size:11px;word-break:break-all}
textarea.pem{min-height:390px}
.hint{color:var(--slate-500);font-size:12px;line-height:16px}
.error{background:#fef2f2;border:1px solid #fecaca;color:#991b1b;border-radius:6px;padding:var(--space-3);margin:var(--space-3) 0}
.notice{background:#eff6ff;border:1px solid #bfdbfe;color:#1e3a8a;border-radius:6px;padding:var(--space-3);margin:var(--space-3) 0}
.warn{background:#fffbeb;border:1px solid #fde68a;color:#92400e;border-radius:6px;padding:var(--space-3);margin:var(--space-3) 0}
.brandmark{display:inline-block;width:12px;height:12px;border-radius:3px;background:var(--accent);margin-right:var(--space-2)}
.users{list-style:none;padding:0;margin:var(--space-2) 0 0}
.users li{margin:var(--space-2) 0}
.users button{width:100%;text-align:left;background:#fff;border:1px solid var(--slate-200);font-weight:400;padding:var(--space-2) var(--space-3)}
.users button:hover{border-color:var(--accent)}
.users .who{font-weight:600;display:block}
.users .note{color:var(--slate-500);font-size:12px;line-height:16px}
.badge{display:inline-block;font-size:12px;line-height:16px;font-weight:500;border-radius:999px;padding:2px var(--space-2);background:var(--slate-100);color:var(--slate-700)}
.badge.active{background:#d1fae5;color:#065f46}
.badge.next{background:#e0e7ff;color:#3730a3}
.badge.previous{background:#fef3c7;color:#92400e}
.badge.retired{background:var(--slate-100);color:var(--slate-500)}
.actions{display:flex;gap:var(--space-2);flex-wrap:wrap;margin-top:var(--space-3)}
.actions form{margin:0}
footer{color:var(--slate-500);font-size:12px;line-height:16px;text-align:center;margin-top:var(--space-8)}
`;

// Our own constant CSS: passed through unescaped, since entities are not decoded inside <style>
// (escaped, the quoted font names broke the whole font declaration).
const STYLE = new SafeHtml(TOKENS + CSS);

export function page({ title, body, accent = "#374151", narrow = false }: PageOptions): string {
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}:root{--accent:${accent}}</style>
</head>
<body>
<header class="top"><strong>Gatehouse IdP sandbox</strong><a href="/">Overview</a><a href="/saml">SAML apps</a><a href="/dns">DNS</a></header>
<main class="${narrow ? "narrow" : ""}">
${body}
<footer>Development sandbox — not a real identity provider. Everything here is fake and lives in memory.</footer>
</main>
</body>
</html>`}`;
}
