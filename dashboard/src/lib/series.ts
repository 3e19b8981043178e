const DAY_MS = 86_400_000;
/** At most ten years of days, so a stray date cannot make the chart allocate without bound. */
const MAX_DAYS = 3660;

/**
 * A per-day series with the missing days filled in as zero. The API lists only days that have
 * orders; plotted as is, a quiet week would vanish from the time axis. Input days are `YYYY-MM-DD`
 * (UTC), sorted ascending.
 */
export function fillDays<K extends string>(
  series: ReadonlyArray<{ day: string } & Record<K, number>>,
  key: K,
): Array<{ day: string } & Record<K, number>> {
  if (series.length === 0) return [];
  const byDay = new Map(series.map((d) => [d.day, d[key]]));
  const first = Date.parse(`${series[0]!.day}T00:00:00Z`);
  const last = Date.parse(`${series.at(-1)!.day}T00:00:00Z`);
  if (Number.isNaN(first) || Number.isNaN(last)) return [...series];
  const out: Array<{ day: string } & Record<K, number>> = [];
  for (let t = first; t <= last && out.length < MAX_DAYS; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, [key]: byDay.get(day) ?? 0 } as { day: string } & Record<K, number>);
  }
  return out;
}
