/** Small figures helpers for the HTTP benches: percentiles, a concurrency limiter, formatting. */

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export type Summary = { n: number; p50: number; p95: number; p99: number; perSecond: number; cpuMsEach: number | null };

export function summarize(samples: number[], wallMs: number, cpuMs: number | null): Summary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    perSecond: (samples.length / wallMs) * 1000,
    cpuMsEach: cpuMs === null ? null : cpuMs / samples.length,
  };
}

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1)).padStart(6);

export function formatSummary(label: string, s: Summary): string {
  const cpu = s.cpuMsEach === null ? "" : `  CPU ${ms(s.cpuMsEach)} ms each`;
  return `${label.padEnd(44)} n=${String(s.n).padEnd(5)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)} ms  ${s.perSecond.toFixed(1).padStart(7)}/s${cpu}`;
}

/** Runs `task` over every item with at most `concurrency` in flight; returns each one's duration (ms). */
export async function timeConcurrently<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const t0 = performance.now();
      await task(item);
      durations.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return durations;
}
