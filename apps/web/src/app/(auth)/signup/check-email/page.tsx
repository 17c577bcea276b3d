import type { Metadata } from "next";
import { emailSchema } from "@/lib/validators/auth";

export const metadata: Metadata = { title: "Check your email" };

export default async function SignUpCheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  // Only an email address is echoed from the URL, never free text.
  const email = emailSchema.safeParse((await searchParams).email);
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold text-slate-900">Check your email</h1>
      <p className="text-sm text-slate-600">
        We sent a link to <strong>{email.success ? email.data : "your email address"}</strong>. Open it to confirm your address and finish signing up. The link
        works for 24 hours.
      </p>
    </div>
  );
}
