import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { listLoginButtons } from "@gatehouse/sso";
import { getCurrentSession } from "@/auth/session";
import { db } from "@/server/context";
import { ProviderButtons } from "../_components/provider-buttons";
import { SignUpForm } from "./_components/sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage() {
  if (await getCurrentSession()) redirect("/");
  const providers = await listLoginButtons(db());
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Create your login</h1>
        <p className="mt-1 text-sm text-slate-600">We send a link to confirm your email before anything else.</p>
      </div>
      <SignUpForm />
      <ProviderButtons providers={providers} callbackUrl="/signup/workspace" />
      <p className="border-t border-slate-100 pt-4 text-center text-sm text-slate-600">
        Already have a login?{" "}
        <Link href="/login" className="font-medium text-indigo-700 hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
