import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Button, Card, CardHeader, CardTable } from "@gatehouse/ui";
import { isFederatedLoginEnabled, listLoginProviders } from "@gatehouse/sso";
import { FlashBanner } from "../../_components/flash-banner";
import { db } from "@/server/context";
import { requireStaffSession } from "@/server/staff-session";
import { setFederatedLoginAction } from "./actions";

export const metadata: Metadata = { title: "Identity providers" };

/** Staff only: the deployment's login providers ("Sign in with Google") and Federated Login. */
export default async function IdentityProvidersPage({ searchParams }: { searchParams: Promise<{ flash?: string }> }) {
  await requireStaffSession();
  const [providers, federated] = await Promise.all([listLoginProviders(db()), isFederatedLoginEnabled(db())]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">Identity providers</h1>
        <Link
          href="/admin/identity-providers/new"
          className="ml-auto rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
        >
          Add provider
        </Link>
      </div>
      <FlashBanner id={(await searchParams).flash} />
      <Card>
        <CardHeader
          title="Federated Login"
          description={
            federated
              ? "On: enabled providers show under “Or continue with” on the login page, in display order."
              : "Off: the login page shows no providers, whatever is enabled."
          }
          actions={
            <form action={setFederatedLoginAction}>
              <input type="hidden" name="enabled" value={federated ? "false" : "true"} />
              <Button type="submit" variant={federated ? "secondary" : "primary"}>
                {federated ? "Turn Federated Login off" : "Turn Federated Login on"}
              </Button>
            </form>
          }
        />
      </Card>
      <Card>
        <CardHeader title="Providers" description="Every user sees the enabled ones; users link and unlink them under Account." />
        <CardTable
          columns={["Order", "Provider", "Identifier", "Status", "Last test"]}
          empty={providers.length === 0 ? "No providers yet. Add one: Google, Microsoft, Auth0, Okta, PingOne or any OpenID Connect provider." : null}
        >
          {providers.map((p) => (
            <tr key={p.id}>
              <td className="px-5 py-2">{p.displayOrder}</td>
              <td className="px-5 py-2">
                <Link href={`/admin/identity-providers/${p.id}`} className="font-medium text-indigo-700 hover:underline">
                  {p.name}
                </Link>
              </td>
              <td className="px-5 py-2">
                <code>{p.identifier}</code>
              </td>
              <td className="px-5 py-2">
                <Badge tone={p.enabled ? "emerald" : "slate"}>{p.enabled ? "Enabled" : "Disabled"}</Badge>
              </td>
              <td className="px-5 py-2">{p.lastTest ? <Badge tone={p.lastTest.ok ? "emerald" : "red"}>{p.lastTest.ok ? "Passed" : "Failed"}</Badge> : "—"}</td>
            </tr>
          ))}
        </CardTable>
      </Card>
    </div>
  );
}
