import Link from "next/link";

/** "Use my password instead" under an SSO choice; nothing where the domain or account requires SSO (href null). */
export function PasswordInsteadLink({ href }: { href: string | null }) {
  if (!href) return null;
  return (
    <p className="text-center text-sm">
      <Link href={href} className="font-medium text-indigo-700 hover:underline">
        Use my password instead
      </Link>
    </p>
  );
}
