import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Button, Card, CardHeader } from "@gatehouse/ui";
import { getLoginProvider, LOGO_MAX_BYTES, toLoginProviderView } from "@gatehouse/sso";
import { FlashBanner } from "../../../_components/flash-banner";
import { CopyButton } from "../../../settings/security/_components/copy-button";
import { db } from "@/server/context";
import { ssoContext } from "@/server/sso-context";
import { requireStaffSession } from "@/server/staff-session";
import { setProviderEnabledAction, setProviderLogoAction, testProviderAction } from "../actions";
import { ProviderForm } from "../_components/provider-form";
import { ProviderGuides } from "../_components/provider-guides";

export const metadata: Metadata = { title: "Login provider" };

export default async function ProviderPage({ params, searchParams }: { params: Promise<{ providerId: string }>; searchParams: Promise<{ flash?: string }> }) {
  await requireStaffSession();
  const row = await getLoginProvider(db(), (await params).providerId);
  if (!row) notFound();
  const p = toLoginProviderView(ssoContext(), row);
  const initial: Record<string, string> = {
    providerId: p.id,
    identifier: p.identifier,
    name: p.name,
    description: p.description,
    issuer: p.issuer ?? p.discoveryUrl,
    clientId: p.clientId,
    tokenEndpointAuthMethod: p.tokenEndpointAuthMethod,
    scopes: p.scopes,
    provisioningMode: p.provisioningMode,
    emailTrust: p.emailTrust,
    allowedDomains: p.allowedDomains.join(", "),
    buttonText: p.buttonText,
    displayOrder: String(p.displayOrder),
    ...Object.fromEntries(Object.entries(p.attributeMapping).map(([k, v]) => [`map.${k}`, v])),
  };
  return (
    <div className="space-y-6">
      <Link href="/admin/identity-providers" className="text-sm text-indigo-700 hover:underline">
        ← Identity providers
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{p.name}</h1>
        <Badge tone={p.enabled ? "emerald" : "slate"}>{p.enabled ? "Enabled" : "Disabled"}</Badge>
        <form action={setProviderEnabledAction} className="ml-auto">
          <input type="hidden" name="providerId" value={p.id} />
          <input type="hidden" name="enabled" value={p.enabled ? "false" : "true"} />
          <Button type="submit" variant={p.enabled ? "danger" : "primary"}>
            {p.enabled ? "Disable" : "Enable"}
          </Button>
        </form>
      </div>
      <FlashBanner id={(await searchParams).flash} />
      <Card>
        <CardHeader title="Callback URL" description="Register this exact URL as the redirect URI in the provider's app." />
        <div className="flex items-center gap-2 p-4">
          <code className="flex-1 break-all rounded bg-slate-50 px-2 py-1 text-sm" data-testid="callback-url">
            {p.callbackUrl}
          </code>
          <CopyButton value={p.callbackUrl} label="callback URL" />
        </div>
      </Card>
      <Card>
        <CardHeader
          title="Test Connection"
          description="Reads the provider's discovery document: issuer, endpoints, signing keys and algorithms."
          actions={
            <form action={testProviderAction}>
              <input type="hidden" name="providerId" value={p.id} />
              <Button type="submit" variant="secondary">
                Test connection
              </Button>
            </form>
          }
        />
        {p.lastTest ? (
          <ul className="divide-y divide-slate-100 px-5 py-2 text-sm" aria-label="Test results">
            {p.lastTest.items.map((i) => (
              <li key={i.id} className="flex gap-3 py-2">
                <Badge tone={i.status === "ok" ? "emerald" : i.status === "error" ? "red" : "amber"}>{i.status}</Badge>
                <span className="font-medium text-slate-900">{i.label}</span>
                {i.detail ? <span className="text-slate-600">{i.detail}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-5 py-4 text-sm text-slate-600">Not tested yet.</p>
        )}
      </Card>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card className="p-5">
          <ProviderForm initial={initial} secretMask={p.clientSecretMask} />
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Logo" description={`PNG, JPG or SVG up to ${LOGO_MAX_BYTES / 1024} KB; shown at 64×64 here and beside the button text.`} />
            <div className="space-y-3 p-4">
              {p.logoDataUrl ? <img src={p.logoDataUrl} alt={`${p.name} logo`} width={64} height={64} className="h-16 w-16 object-contain" /> : null}
              <form action={setProviderLogoAction} className="space-y-2">
                <input type="hidden" name="providerId" value={p.id} />
                <label htmlFor="provider-logo" className="block text-sm font-medium text-slate-800">
                  Logo file
                </label>
                <input id="provider-logo" type="file" name="logo" accept="image/png,image/jpeg,image/svg+xml" className="block text-sm" />
                <Button type="submit" variant="secondary" size="sm">
                  Upload logo
                </Button>
              </form>
              {p.logoDataUrl ? (
                <form action={setProviderLogoAction}>
                  <input type="hidden" name="providerId" value={p.id} />
                  <input type="hidden" name="remove" value="true" />
                  <Button type="submit" variant="ghost" size="sm">
                    Remove logo
                  </Button>
                </form>
              ) : null}
            </div>
          </Card>
          <Card>
            <CardHeader title="Guides" />
            <div className="p-4">
              <ProviderGuides />
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}
