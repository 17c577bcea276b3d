import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@gatehouse/ui";
import { getCurrentSession } from "@/auth/session";
import { JoinOffer } from "../../../_components/join-offer";
import { WorkspaceForm } from "./workspace-form";

export const metadata: Metadata = { title: "Your workspace" };

/** After sign-up: join the company's account through its verified domain, or create one. */
export default async function WorkspacePage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const session = await getCurrentSession();
  if (!session) {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-semibold text-slate-900">Finish signing up</h1>
        {(await searchParams).error === "link" ? (
          <Alert tone="error">This sign-up link has expired or was already used. Sign up again, or sign in if you already did.</Alert>
        ) : null}
        <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Your workspace</h1>
        <p className="mt-1 text-sm text-slate-600">Signed in as {session.user.email}. Create a workspace, and you become its admin.</p>
      </div>
      <JoinOffer session={session} from="/no-account" />
      <WorkspaceForm />
    </div>
  );
}
