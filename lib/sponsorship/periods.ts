/** The reporting periods of the impact pages. Safe to import in the browser. */
export const PERIODS = ["quarter", "year", "all_time"] as const;
export type Period = (typeof PERIODS)[number];
