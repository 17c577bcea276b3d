/**
 * A cron expression that fires every `minutes` minutes (pg-boss schedules by cron, with minute
 * granularity). Periods that do not divide an hour or a day evenly are rounded to one that does,
 * so the ticks stay evenly spaced instead of bunching at the top of the hour.
 */
export function cronEvery(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 1) throw new RangeError(`A periodic job needs a period of at least one minute, not ${minutes}`);
  const whole = Math.round(minutes);
  if (whole < 60) {
    const step = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30].filter((d) => d <= whole).at(-1) ?? 1;
    return step === 1 ? "* * * * *" : `*/${step} * * * *`;
  }
  const hours = Math.round(whole / 60);
  if (hours < 24) {
    const step = [1, 2, 3, 4, 6, 8, 12].filter((d) => d <= hours).at(-1) ?? 1;
    return step === 1 ? "0 * * * *" : `0 */${step} * * *`;
  }
  return "0 0 * * *";
}
