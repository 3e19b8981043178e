import type { TariffLine } from './hts-format.ts';
import type { Schedule } from './schedule.ts';

export const CHANGE_KINDS = ['added', 'deleted', 'redescribed', 'rerated', 'moved'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface TariffChange {
  kind: ChangeKind;
  code: string;
  /** For `moved`: where the code now sits (new parent code) or which code took over a deleted one. */
  to?: string;
  old?: { description: string; general?: string; special?: string; column2?: string; parent?: string };
  new?: { description: string; general?: string; special?: string; column2?: string; parent?: string };
}

const parentCode = (s: Schedule, l: TariffLine) => {
  for (const a of s.ancestors(l).reverse()) if (a.code) return a.code;
  return '';
};
const norm = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Differences between two revisions, by code: added, deleted, re-described (own text changed),
 * re-rated (general, special or column 2 rate changed as it applies to the line, inherited or not),
 * and moved (a deleted code whose text reappears under a new code, or a code whose numbered parent changed).
 */
export function diffSchedules(from: Schedule, to: Schedule): TariffChange[] {
  const out: TariffChange[] = [];
  const added: TariffLine[] = [];
  const deleted: TariffLine[] = [];
  for (const [code, l] of to.byCode) if (!from.byCode.has(code)) added.push(l);
  for (const [code, l] of from.byCode) if (!to.byCode.has(code)) deleted.push(l);

  // A deleted code whose full description path reappears under a new code (same heading) has moved.
  const addedByText = new Map<string, TariffLine>();
  for (const l of added) addedByText.set(`${l.code.slice(0, 4)}|${norm(to.pathText(l).join(' '))}`, l);
  const movedTo = new Map<string, string>();
  for (const l of deleted) {
    const hit = addedByText.get(`${l.code.slice(0, 4)}|${norm(from.pathText(l).join(' '))}`);
    if (hit && hit.code.length === l.code.length) movedTo.set(l.code, hit.code);
  }
  const movedTargets = new Set(movedTo.values());

  for (const l of added)
    if (!movedTargets.has(l.code))
      out.push({ kind: 'added', code: l.code, new: { description: l.description } });
  for (const l of deleted) {
    const target = movedTo.get(l.code);
    if (target)
      out.push({
        kind: 'moved',
        code: l.code,
        to: target,
        old: { description: l.description },
        new: { description: to.byCode.get(target)!.description },
      });
    else out.push({ kind: 'deleted', code: l.code, old: { description: l.description } });
  }
  for (const [code, n] of to.byCode) {
    const o = from.byCode.get(code);
    if (!o) continue;
    if (o.description !== n.description)
      out.push({
        kind: 'redescribed',
        code,
        old: { description: o.description },
        new: { description: n.description },
      });
    const ro = from.effectiveRates(o);
    const rn = to.effectiveRates(n);
    if (ro.general !== rn.general || ro.special !== rn.special || ro.column2 !== rn.column2)
      out.push({
        kind: 'rerated',
        code,
        old: { description: o.description, general: ro.general, special: ro.special, column2: ro.column2 },
        new: { description: n.description, general: rn.general, special: rn.special, column2: rn.column2 },
      });
    const po = parentCode(from, o);
    const pn = parentCode(to, n);
    if (po !== pn)
      out.push({
        kind: 'moved',
        code,
        to: pn,
        old: { description: o.description, parent: po },
        new: { description: n.description, parent: pn },
      });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code) || a.kind.localeCompare(b.kind));
}

export function summariseChanges(changes: readonly TariffChange[]): Record<ChangeKind, number> {
  const s = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) s[c.kind]++;
  return s;
}
