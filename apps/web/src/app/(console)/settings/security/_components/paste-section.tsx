import { Card, CardHeader } from "@gatehouse/ui";
import type { SsoProviderId } from "@gatehouse/sso/input";
import { guidesFor } from "./guides";
import { oidcPasteValues, PasteValues, samlPasteValues, SpCertificateLink } from "./paste-values";

export type SsoUrls = { oidcRedirectUri: string; samlAcsUrl: string; spEntityId: string; spMetadataUrl: string; spCertificateUrl: string };

/** Section a of the form: our values for the IdP, and how to set the IdP up. */
export function PasteSection({
  provider,
  providerLabel,
  protocol,
  urls,
}: {
  provider: SsoProviderId;
  providerLabel: string;
  protocol: "oidc" | "saml";
  urls: SsoUrls;
}) {
  const idpName = provider === "oidc" || provider === "saml" ? "your identity provider" : providerLabel;
  const guides = guidesFor(provider);
  return (
    <Card>
      <CardHeader
        title={`What to paste into ${idpName}`}
        description="Create an application in your identity provider with these values. They are the same for every connection."
      />
      <div className="space-y-4 px-5 py-4">
        <PasteValues values={protocol === "saml" ? samlPasteValues(urls) : oidcPasteValues(urls)} />
        {protocol === "saml" ? (
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <SpCertificateLink href={urls.spCertificateUrl} />
            <span>Upload it to your IdP if it asks for our signing or encryption certificate.</span>
          </div>
        ) : null}
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">Step by step</h3>
          {guides.map((guide, index) => (
            <details key={guide.id} open={index === 0} className="rounded-md ring-1 ring-slate-200" data-testid={`guide-${guide.id}`}>
              <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">{guide.title}</summary>
              <ol className="list-decimal space-y-1 px-3 pb-3 pl-8 text-sm text-slate-700">
                {guide.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </details>
          ))}
        </div>
      </div>
    </Card>
  );
}
