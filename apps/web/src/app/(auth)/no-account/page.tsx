import Link from "next/link";
import { getCurrentSession } from "@/auth/session";
import { FlashBanner } from "../../(console)/_components/flash-banner";
import { JoinOffer } from "../../_components/join-offer";

export default async function NoAccountPage({ searchParams }: { searchParams: Promise<{ flash?: string }> }) {
  const session = await getCurrentSession();
  const { flash } = await searchParams;
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">You are not in any account</h1>
      <FlashBanner id={flash} />
      {/* A brand-new person whose verified email is on a company's verified domain can join from here. */}
      {session ? <JoinOffer session={session} from="/no-account" /> : null}
      <p className="text-sm text-slate-600">You are signed in, but no account has you as a member. Ask an admin of your company to invite you.</p>
      <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline">Back to sign in</Link>
    </div>
  );
}
