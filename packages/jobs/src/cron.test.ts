import { describe, expect, it } from "vitest";
import { cronEvery } from "./cron";

describe("cronEvery", () => {
  it.each([
    [1, "* * * * *"],
    [5, "*/5 * * * *"],
    [7, "*/6 * * * *"],
    [15, "*/15 * * * *"],
    [45, "*/30 * * * *"],
    [59, "*/30 * * * *"],
    [60, "0 * * * *"],
    [90, "0 */2 * * *"],
    [180, "0 */3 * * *"],
    [300, "0 */4 * * *"],
    [720, "0 */12 * * *"],
    [1440, "0 0 * * *"],
    [10_000, "0 0 * * *"],
  ])("every %i minutes → %s", (minutes, cron) => {
    expect(cronEvery(minutes)).toBe(cron);
  });

  it.each([0, -5, Number.NaN])("refuses a period of %s", (minutes) => {
    expect(() => cronEvery(minutes)).toThrow(/at least one minute/);
  });
});
