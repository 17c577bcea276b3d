import type { Metadata } from "next";

export const metadata: Metadata = { title: "Check your email" };

export default async function SsoCheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold text-slate-900">Confirm your email to finish</h1>
      <p className="text-sm text-slate-600">
        We sent a link to <strong>{typeof email === "string" ? email : "your email address"}</strong>. Open it on this device to finish signing in.
        You will not be asked again for this sign-in option. The link works for 30 minutes.
      </p>
    </div>
  );
}
