import type { ReactNode } from "react";

/**
 * Wraps a table so that on a narrow screen it scrolls inside its card instead of widening the page.
 * `relative` matters: without it the table's screen-reader-only labels (absolutely positioned)
 * escape the scroll box and still push the page wide.
 */
export function TableScroll({ children }: { children: ReactNode }) {
  return <div className="relative overflow-x-auto">{children}</div>;
}

type Column = string | { label: string; hidden: true };

/** Column headings of a card table; a column given as `{ label, hidden: true }` is for screen readers only. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
      <tr>
        {columns.map((column) =>
          typeof column === "string" ? (
            <th key={column} scope="col" className="px-5 py-2 font-medium">
              {column}
            </th>
          ) : (
            <th key={column.label} scope="col" className="px-5 py-2 font-medium">
              <span className="sr-only">{column.label}</span>
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/**
 * A card's table: scrolls inside the card, column headings, then the rows given as children; or,
 * when `empty` is set (there are no rows), that sentence in their place.
 */
export function CardTable({ columns, caption, empty, children }: { columns: Column[]; caption?: string; empty?: ReactNode; children: ReactNode }) {
  if (empty) return <p className="px-5 py-4 text-sm text-slate-500">{empty}</p>;
  return (
    <TableScroll>
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <TableHead columns={columns} />
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </TableScroll>
  );
}
