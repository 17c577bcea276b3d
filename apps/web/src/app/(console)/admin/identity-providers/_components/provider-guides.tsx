import { PROVIDER_GUIDES } from "@gatehouse/sso";

/** Where each vendor's console shows what the form asks for. */
export function ProviderGuides() {
  return (
    <div className="space-y-2">
      {PROVIDER_GUIDES.map((g) => (
        <details key={g.id} className="rounded-md p-2 ring-1 ring-slate-200">
          <summary className="cursor-pointer text-sm font-medium text-slate-900">{g.name} guide</summary>
          <p className="mt-2 text-xs text-slate-600">
            Domain or issuer: <code>{g.issuer}</code>
          </p>
          <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-slate-700">
            {g.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}
