/** A published TXT record. Names are stored lower case without the trailing dot. */
export interface TxtRecord {
  name: string;
  value: string;
}

export type ZoneAnswer = { rcode: "NOERROR"; values: string[] } | { rcode: "NXDOMAIN" } | { rcode: "REFUSED" };

const clean = (name: string) => name.trim().toLowerCase().replace(/\.$/, "");

/**
 * The sandbox's TXT records, answered only for names under the reserved `.test` top-level
 * domain (RFC 2606), so it can never shadow a real domain. A name exists when it has a record
 * or a record lives below it (RFC 8020: empty non-terminals answer NOERROR with no data).
 */
export class TxtZone {
  private records: TxtRecord[] = [];

  constructor(readonly suffix = "test") {}

  /** The error sentence when a name may not be published here; null when it may. */
  refusal(name: string): string | null {
    const n = clean(name);
    if (!n.endsWith(`.${this.suffix}`))
      return `Only names under .${this.suffix} can be published in the sandbox (for example _gatehouse-challenge.acme.${this.suffix}).`;
    if (!/^[a-z0-9_.-]+$/.test(n) || n.split(".").some((label) => label === "" || label.length > 63)) return `"${name}" is not a valid DNS name.`;
    return null;
  }

  add(name: string, value: string): TxtRecord {
    const problem = this.refusal(name);
    if (problem) throw new Error(problem);
    if (value.length === 0 || value.length > 1000) throw new Error("A TXT value must be 1 to 1000 characters long.");
    const record = { name: clean(name), value };
    if (!this.records.some((r) => r.name === record.name && r.value === value)) this.records.push(record);
    return record;
  }

  /** Removes one value, or every value of the name when `value` is absent. Returns how many went. */
  remove(name: string, value?: string): number {
    const before = this.records.length;
    this.records = this.records.filter((r) => !(r.name === clean(name) && (value === undefined || r.value === value)));
    return before - this.records.length;
  }

  clear(): void {
    this.records = [];
  }

  list(): TxtRecord[] {
    return [...this.records].sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value));
  }

  answer(name: string): ZoneAnswer {
    const n = clean(name);
    if (n !== this.suffix && !n.endsWith(`.${this.suffix}`)) return { rcode: "REFUSED" };
    const values = this.records.filter((r) => r.name === n).map((r) => r.value);
    if (values.length) return { rcode: "NOERROR", values };
    return this.records.some((r) => r.name.endsWith(`.${n}`)) ? { rcode: "NOERROR", values: [] } : { rcode: "NXDOMAIN" };
  }
}
