import Link from "next/link";

export default function NoAccountPage() {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">You are not in any account</h1>
      <p className="text-sm text-slate-600">You are signed in, but no account has you as a member any more. Ask an admin of your company to invite you.</p>
      <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline">Back to sign in</Link>
    </div>
  );
}
