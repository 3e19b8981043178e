import type { HsEntry, TariffLine } from './hts-format.ts';

/**
 * A tariff revision held in memory: lines by code, the hierarchy, and the effective (inherited) rates.
 * Built once per revision and cached by the service; pure, so the classifier and the bench use it too.
 */
export class Schedule {
  readonly lines: readonly TariffLine[];
  readonly byCode: ReadonlyMap<string, TariffLine>;
  readonly children: ReadonlyMap<number, number[]>;

  constructor(lines: readonly TariffLine[]) {
    this.lines = lines;
    const byCode = new Map<string, TariffLine>();
    const children = new Map<number, number[]>();
    for (const l of lines) {
      if (l.code && !byCode.has(l.code)) byCode.set(l.code, l);
      if (l.parent !== null) {
        const list = children.get(l.parent) ?? [];
        list.push(l.seq);
        children.set(l.parent, list);
      }
    }
    this.byCode = byCode;
    this.children = children;
  }

  /** Ancestors from the top (heading) down to the line's parent. */
  ancestors(line: TariffLine): TariffLine[] {
    const out: TariffLine[] = [];
    let p = line.parent;
    while (p !== null) {
      const l = this.lines[p]!;
      out.push(l);
      p = l.parent;
    }
    return out.reverse();
  }

  /** The descriptions from heading to line, e.g. "Other switches: › Other › Rated at not over 5 A". */
  pathText(line: TariffLine): string[] {
    return [...this.ancestors(line), line].map((l) => l.description);
  }

  /** 10-digit statistical reporting lines: the declarable ones. */
  statisticalLines(): TariffLine[] {
    return this.lines.filter((l) => l.code.length === 10);
  }

  /** All declarable lines whose code starts with `prefix`. */
  declarableUnder(prefix: string): TariffLine[] {
    return this.lines.filter((l) => l.code.length === 10 && l.code.startsWith(prefix));
  }

  /** Rates as they apply to a line: its own, or inherited from the nearest ancestor that states one. */
  effectiveRates(line: TariffLine): { general: string; special: string; column2: string; from: string } {
    for (const l of [line, ...this.ancestors(line).reverse()]) {
      if (l.generalRate || l.column2Rate)
        return { general: l.generalRate, special: l.specialRate, column2: l.column2Rate, from: l.code };
    }
    return { general: '', special: '', column2: '', from: '' };
  }

  /** Units of quantity: stated on the statistical line (or inherited when the line has none). */
  effectiveUnits(line: TariffLine): string[] {
    if (line.units.length) return line.units;
    for (const l of this.ancestors(line).reverse()) if (l.units.length) return l.units;
    return [];
  }

  /** Chapter 99 references that apply to a line (its own and its ancestors'). */
  effectiveRefs(line: TariffLine): string[] {
    const out = new Set<string>();
    for (const l of [...this.ancestors(line), line]) for (const r of l.additionalDutyRefs) out.add(r);
    return [...out];
  }
}

/** The WCO HS nomenclature in memory. */
export class HsNomenclature {
  readonly edition: string;
  readonly byCode: ReadonlyMap<string, HsEntry>;
  constructor(edition: string, entries: readonly HsEntry[]) {
    this.edition = edition;
    this.byCode = new Map(entries.map((e) => [e.code, e]));
  }
  subheadingsUnder(prefix: string): HsEntry[] {
    return [...this.byCode.values()].filter((e) => e.level === 6 && e.code.startsWith(prefix));
  }
}
