import Link from "next/link";
import { Button } from "@gatehouse/ui";
import { getCurrentSession } from "@/auth/session";
import { switchAccountAction } from "../../(console)/actions";
import { FlashBanner } from "../../(console)/_components/flash-banner";
import { JoinOffer } from "../../_components/join-offer";

export default async function NoAccountPage({ searchParams }: { searchParams: Promise<{ flash?: string }> }) {
  const session = await getCurrentSession();
  const { flash } = await searchParams;
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{session && session.accounts.length > 0 ? "Choose an account" : "You are not in any account"}</h1>
      <FlashBanner id={flash} />
      {/* A brand-new person whose verified email is on a company's verified domain can join from here. */}
      {session ? <JoinOffer session={session} from="/no-account" /> : null}
      {session && session.accounts.length > 0 ? (
        // Memberships added after this session started (an approved request) are opened from here.
        <ul className="space-y-2">
          {session.accounts.map((a) => (
            <li key={a.id}>
              <form action={switchAccountAction}>
                <input type="hidden" name="accountId" value={a.id} />
                <Button type="submit" variant="secondary" className="w-full">
                  Open {a.name}
                </Button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">
          You are signed in, but no account has you as a member. Ask an admin of your company to invite you, or{" "}
          <Link href="/signup/workspace" className="font-medium text-indigo-700 hover:underline">
            create a workspace
          </Link>
          .
        </p>
      )}
      <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline">
        Back to sign in
      </Link>
    </div>
  );
}
