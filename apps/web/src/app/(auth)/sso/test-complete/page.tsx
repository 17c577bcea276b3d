import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@gatehouse/ui";

export const metadata: Metadata = { title: "Test sign-in" };

export default async function SsoTestCompletePage({ searchParams }: { searchParams: Promise<{ ok?: string }> }) {
  const { ok } = await searchParams;
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold text-slate-900">Thanks for testing</h1>
      <Alert tone={ok === "1" ? "success" : "warning"}>
        {ok === "1" ? "The test sign-in worked. Your admin can see the result." : "The test sign-in did not work. Your admin can see why and will fix it."}
      </Alert>
      <p className="text-sm">
        <Link href="/" className="font-medium text-indigo-700 hover:underline">
          Back to Gatehouse
        </Link>
      </p>
    </div>
  );
}
