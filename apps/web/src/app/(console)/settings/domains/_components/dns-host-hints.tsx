import { CHALLENGE_LABEL } from "@gatehouse/core";

/** Where the TXT record goes at common DNS hosts; a <details> so it needs no JavaScript. */
export function DnsHostHints({ sandboxDnsUrl }: { sandboxDnsUrl: string | null }) {
  const name = <code className="rounded bg-slate-100 px-1">{CHALLENGE_LABEL}</code>;
  return (
    <details className="text-sm text-slate-700">
      <summary className="cursor-pointer font-medium text-slate-800">Where do I add this? Hints for common DNS hosts</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          <strong>Cloudflare</strong>: DNS → Records → Add record. Type TXT, Name {name}, Content: the value, TTL Auto.
        </li>
        <li>
          <strong>Amazon Route 53</strong>: Hosted zones → your domain → Create record. Record name {name}, Record type TXT, Value: the value in double quotes.
        </li>
        <li>
          <strong>GoDaddy</strong>: My Products → Domain → DNS → Add New Record. Type TXT, Name {name}, Value: the value, TTL 1 hour.
        </li>
        <li>
          <strong>Google Cloud DNS</strong>: Cloud DNS → your zone → Add standard. DNS name {name}, Resource record type TXT, TXT data: the value.
        </li>
        <li>
          Most hosts add your domain to the name themselves; if yours asks for the full name, use the record name shown above. New records can take a few
          minutes to appear.
        </li>
        {sandboxDnsUrl ? (
          <li>
            <strong>In development</strong>: <code>*.test</code> domains are answered by the IdP sandbox&apos;s DNS server.{" "}
            <a href={sandboxDnsUrl} target="_blank" rel="noreferrer" className="font-medium text-indigo-700 hover:underline">
              Publish this record on the sandbox&apos;s DNS page
            </a>
            .
          </li>
        ) : null}
      </ul>
    </details>
  );
}
