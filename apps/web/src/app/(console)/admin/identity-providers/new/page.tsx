import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader } from "@gatehouse/ui";
import { DEFAULT_PROVIDER_MAPPING } from "@gatehouse/core";
import { requireStaffSession } from "@/server/staff-session";
import { ProviderForm } from "../_components/provider-form";
import { ProviderGuides } from "../_components/provider-guides";

export const metadata: Metadata = { title: "Add login provider" };

const mappingDefaults = Object.fromEntries(Object.entries(DEFAULT_PROVIDER_MAPPING).map(([k, v]) => [`map.${k}`, v]));

export default async function NewProviderPage() {
  await requireStaffSession();
  return (
    <div className="space-y-6">
      <Link href="/admin/identity-providers" className="text-sm text-indigo-700 hover:underline">
        ← Identity providers
      </Link>
      <h1 className="text-2xl font-semibold text-slate-900">Add login provider</h1>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card className="p-5">
          <ProviderForm initial={{ scopes: "openid profile email", displayOrder: "0", ...mappingDefaults }} secretMask={null} />
        </Card>
        <Card>
          <CardHeader title="Guides" description="The callback URL is shown once the provider is added: it ends in /api/providers/{identifier}/callback." />
          <div className="p-4">
            <ProviderGuides />
          </div>
        </Card>
      </div>
    </div>
  );
}
