import { CopyButton } from "./copy-button";
import { ScimSetupNotes } from "./scim-setup-notes";

/** The SCIM base URL to copy into the IdP (the admins' SCIM card and a setup link's). */
export function ScimBaseUrlSection({ baseUrl }: { baseUrl: string }) {
  return (
    <section aria-labelledby="scim-endpoint-heading" className="space-y-2 px-5 py-4">
      <h3 id="scim-endpoint-heading" className="text-sm font-semibold text-slate-900">
        SCIM base URL
      </h3>
      <div className="flex items-center gap-2">
        <code
          className="block min-w-0 flex-1 select-all break-all rounded bg-slate-50 px-2 py-1.5 font-mono text-xs ring-1 ring-slate-200"
          data-testid="scim-base-url"
        >
          {baseUrl}
        </code>
        <CopyButton value={baseUrl} label="SCIM base URL" />
      </div>
    </section>
  );
}

/** How to set SCIM up at the common IdPs. */
export function ScimSetupSection({ baseUrl }: { baseUrl: string }) {
  return (
    <section aria-labelledby="scim-setup-heading" className="space-y-2 px-5 py-4">
      <h3 id="scim-setup-heading" className="text-sm font-semibold text-slate-900">
        Set up your IdP
      </h3>
      <ScimSetupNotes baseUrl={baseUrl} />
    </section>
  );
}
