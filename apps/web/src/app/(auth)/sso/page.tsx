import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert, Button, Field } from "@gatehouse/ui";

export const metadata: Metadata = { title: "Sign in with SSO" };

async function goToAccount(formData: FormData) {
  "use server";
  const slug = String(formData.get("slug") ?? "").trim().toLowerCase();
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) redirect("/sso?invalid=1");
  redirect(`/sso/${slug}`);
}

/** For members who know their company's sign-in name; email-domain routing comes later. */
export default async function SsoStartPage({ searchParams }: { searchParams: Promise<{ invalid?: string }> }) {
  const { invalid } = await searchParams;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Sign in with SSO</h1>
        <p className="mt-1 text-sm text-slate-600">Enter your company&apos;s sign-in name, as your admin gave it (for example <code>acme</code>).</p>
      </div>
      {invalid ? <Alert tone="error">Use only lower-case letters, digits and hyphens.</Alert> : null}
      <form action={goToAccount} className="space-y-4">
        <Field label="Company sign-in name" name="slug" autoComplete="organization" required />
        <Button type="submit" className="w-full">Continue</Button>
      </form>
      <p className="text-center text-sm">
        <Link href="/login" className="font-medium text-indigo-700 hover:underline">Sign in with email and password</Link>
      </p>
    </div>
  );
}
