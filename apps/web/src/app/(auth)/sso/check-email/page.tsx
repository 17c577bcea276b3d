import type { Metadata } from "next";
import { emailSchema } from "@/lib/validators/auth";

export const metadata: Metadata = { title: "Check your email" };

export default async function SsoCheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  // Only an email address is echoed from the URL, never free text.
  const email = emailSchema.safeParse((await searchParams).email);
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold text-slate-900">Confirm your email to finish</h1>
      <p className="text-sm text-slate-600">
        We sent a link to <strong>{email.success ? email.data : "your email address"}</strong>. Open it on this device to finish signing in. You will not be
        asked again for this sign-in option. The link works for 30 minutes.
      </p>
    </div>
  );
}
