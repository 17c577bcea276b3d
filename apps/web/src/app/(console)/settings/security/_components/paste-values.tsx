import type { ReactNode } from "react";
import { CopyButton } from "./copy-button";

export type PasteValue = { label: string; value: string; hint?: ReactNode };

/** Values an admin pastes into their IdP, each visible as text and with a copy button. */
export function PasteValues({ values }: { values: PasteValue[] }) {
  return (
    <dl className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
      {values.map((v) => (
        <div key={v.label} className="grid gap-1 px-3 py-2 sm:grid-cols-[14rem_1fr] sm:items-center">
          <dt className="text-sm font-medium text-slate-800">{v.label}</dt>
          <dd className="min-w-0">
            <div className="flex items-center gap-2">
              <code className="min-w-0 flex-1 break-all rounded bg-slate-50 px-2 py-1 font-mono text-xs text-slate-900 select-all">{v.value}</code>
              <CopyButton value={v.value} label={v.label} />
            </div>
            {v.hint ? <p className="mt-1 text-xs text-slate-500">{v.hint}</p> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

type Urls = { oidcRedirectUri: string; samlAcsUrl: string; spEntityId: string; spMetadataUrl: string; spCertificateUrl: string };

export const oidcPasteValues = (urls: Urls): PasteValue[] => [
  { label: "Redirect URI", value: urls.oidcRedirectUri, hint: "Also called callback URL or sign-in redirect URI." },
];

export const samlPasteValues = (urls: Urls): PasteValue[] => [
  { label: "ACS URL", value: urls.samlAcsUrl, hint: "Also called Single sign-on URL, Reply URL or Assertion Consumer Service URL." },
  { label: "SP entity ID", value: urls.spEntityId, hint: "Also called Audience URI or Identifier (Entity ID)." },
  { label: "SP metadata URL", value: urls.spMetadataUrl, hint: "For IdPs that can import the service provider's metadata." },
];

export function SpCertificateLink({ href }: { href: string }) {
  return (
    <a
      href={href}
      download
      className="inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
    >
      Export SP certificate
    </a>
  );
}
