import { describeFilter, isAddressedTo, matchesFilter, type CapturedEmail, type EmailFilter } from "./captured-email";

export type WaitForEmailOptions = EmailFilter & { timeoutMs?: number };

type Waiter = {
  filter: EmailFilter;
  resolve: (email: CapturedEmail) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

/** Received mail, newest first, and the tests waiting for mail that has not arrived yet. */
export class MailStore {
  private emails: CapturedEmail[] = [];
  private readonly waiters = new Set<Waiter>();

  add(email: CapturedEmail): void {
    this.emails.unshift(email);
    for (const waiter of this.waiters) {
      if (matchesFilter(email, waiter.filter)) this.settle(waiter, () => waiter.resolve(email));
    }
  }

  list(to?: string): CapturedEmail[] {
    return to ? this.emails.filter((email) => isAddressedTo(email, to)) : [...this.emails];
  }

  clear(): void {
    this.emails = [];
  }

  /** Resolves with the newest matching email, waiting for one if none has arrived yet. */
  waitFor({ timeoutMs = 10_000, ...filter }: WaitForEmailOptions): Promise<CapturedEmail> {
    const found = this.emails.find((email) => matchesFilter(email, filter));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        filter,
        resolve,
        reject,
        timer: setTimeout(() => this.settle(waiter, () => reject(this.timeoutError(filter, timeoutMs))), timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Fails pending waits at once instead of letting them time out against a stopped server. */
  close(): void {
    for (const waiter of this.waiters) {
      this.settle(waiter, () => waiter.reject(new Error(`SMTP capture stopped while waiting for ${describeFilter(waiter.filter)}`)));
    }
  }

  private settle(waiter: Waiter, settle: () => void): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    settle();
  }

  private timeoutError(filter: EmailFilter, timeoutMs: number): Error {
    const subjects = this.list(filter.to).map((email) => JSON.stringify(email.subject));
    const seen = subjects.length ? `; received for that address: ${subjects.join(", ")}` : "; nothing was received for that address";
    return new Error(`No ${describeFilter(filter)} within ${timeoutMs} ms${seen}`);
  }
}
