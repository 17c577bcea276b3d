import type { Metadata } from "next";
import { Card, CardHeader } from "@gatehouse/ui";
import { requireStaff } from "@/server/require-staff";

export const metadata: Metadata = { title: "Set up MFA first" };

export default async function SupportMfaRequiredPage() {
  await requireStaff({ allowWithoutMfa: true });
  return (
    <Card>
      <CardHeader
        title="Set up MFA to use the support console"
        description="Support staff can change any customer's sign-in settings, so the console needs a second factor."
      />
      <p className="px-5 py-4 text-sm text-slate-700">Enrol an authenticator app in your own account settings, sign in again, then come back to /support.</p>
    </Card>
  );
}
