/** Plain-text table for listing commands: columns padded, long cells cut with an ellipsis. */
export function formatTable(rows: ReadonlyArray<object>, columns?: string[], maxWidth = 40): string {
  if (rows.length === 0) return '(no rows)';
  const cols = columns ?? Object.keys(rows[0] as object);
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s;
  };
  const body = rows.map((r) => cols.map((c) => cell((r as Record<string, unknown>)[c])));
  const widths = cols.map((c, i) => Math.max(c.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
