/** Column headings of a card table; a column given as `{ label, hidden: true }` is for screen readers only. */
export function TableHead({ columns }: { columns: Array<string | { label: string; hidden: true }> }) {
  return (
    <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
      <tr>
        {columns.map((column) =>
          typeof column === "string" ? (
            <th key={column} scope="col" className="px-5 py-2 font-medium">{column}</th>
          ) : (
            <th key={column.label} scope="col" className="px-5 py-2 font-medium"><span className="sr-only">{column.label}</span></th>
          ),
        )}
      </tr>
    </thead>
  );
}
