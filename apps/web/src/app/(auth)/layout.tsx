import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2 text-lg font-semibold text-slate-900">
        <span aria-hidden className="inline-flex h-8 w-8 items-center justify-center rounded-md bg-indigo-600 text-white">
          G
        </span>
        Gatehouse
      </div>
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</div>
    </main>
  );
}
