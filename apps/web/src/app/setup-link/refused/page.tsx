import type { Metadata } from "next";
import { Alert } from "@gatehouse/ui";

export const metadata: Metadata = { title: "Setup link not valid" };

const EXPLANATIONS: Record<string, { title: string; text: string }> = {
  expired: {
    title: "This setup link has expired",
    text: "Setup links work for 7 days. Ask the admin who sent it to send it again from the Single sign-on page.",
  },
  revoked: {
    title: "This setup link was revoked",
    text: "The admin who sent it has withdrawn it, or sent a newer one. Use the newest email, or ask them for a new link.",
  },
  unknown: {
    title: "This setup link is not valid",
    text: "Check that you opened the whole link from the most recent email, or ask the admin who sent it for a new one.",
  },
};

export default async function SetupLinkRefused({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const explanation = EXPLANATIONS[reason ?? ""] ?? EXPLANATIONS.unknown!;
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-4 text-2xl font-semibold text-slate-900">{explanation.title}</h1>
      <Alert tone="error">{explanation.text}</Alert>
    </main>
  );
}
