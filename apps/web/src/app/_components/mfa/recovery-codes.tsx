/** The recovery codes, shown once: to copy, print or download as a text file (works without JavaScript). */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const text = `Gatehouse recovery codes\nEach code works once, in place of a code from your authenticator app.\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-3 rounded-md bg-amber-50 p-4 text-sm ring-1 ring-amber-200">
      <p className="font-medium text-amber-900">Save your recovery codes now. They are shown only this once.</p>
      <p className="text-amber-900">If you lose your phone, each code signs you in once instead of a code from the app.</p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-1 font-mono text-slate-900">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <a
        href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
        download="gatehouse-recovery-codes.txt"
        className="inline-block font-medium text-indigo-700 hover:underline"
      >
        Download as a text file
      </a>
    </div>
  );
}
