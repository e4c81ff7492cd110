/**
 * Comparing fields of forces: between groups in the plenary (where do groups place
 * the same actor differently?) and between meetings (which actors moved, appeared or
 * dropped out?). Actors are matched by name, case- and space-insensitively; the
 * facilitator can merge near-duplicates by giving them one name (issue 5: the merges
 * live in the session doc, see `shared/model/meeting/live.ts`). Pure: no Yjs, no clock.
 */
import type { ActorFields } from '../model/board/actorSchema.ts';
import { actorKey as matchKey, mergedKey } from '../model/meeting/live.ts';

type Placed = Pick<ActorFields, 'id' | 'name' | 'houding' | 'invloed' | 'betrokkenheid'>;

/** The plain key: case and spaces ignored (the default when no merges are given). */
export function actorKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * How names are matched. With `merges` (the session's, possibly empty) names match as
 * in the plenary: case, accents and punctuation ignored, merged names as one.
 */
export interface MatchOptions {
  merges?: Readonly<Record<string, string>>;
}

interface Matcher {
  /** The key a name is matched on. */
  key(name: string): string;
  /** Is this spelling the merged actor's own name (not an alias merged into it)? */
  isCanonical(name: string): boolean;
}

function matcher(opts: MatchOptions): Matcher {
  const merges = opts.merges;
  if (!merges) return { key: actorKey, isCanonical: () => true };
  return { key: (name) => mergedKey(merges, name), isCanonical: (name) => matchKey(name) === mergedKey(merges, name) };
}

export interface ActorMove {
  key: string;
  name: string;
  before: Placed;
  after: Placed;
  /** Distance moved on the krachtenveld (houding -1..1 and invloed 0..1 scaled alike). */
  distance: number;
}

export interface FieldComparison {
  moved: ActorMove[];
  unchanged: string[];
  appeared: Placed[];
  droppedOut: Placed[];
}

/** Position on a common scale: both axes 0..1. */
function pos(a: Placed): { x: number; y: number } | null {
  return a.houding === null || a.invloed === null ? null : { x: (a.houding + 1) / 2, y: a.invloed };
}

/** What changed between two meetings' fields; moves of at least `threshold` count. */
export function compareFields(
  before: readonly Placed[],
  after: readonly Placed[],
  threshold = 0.05,
  opts: MatchOptions = {},
): FieldComparison {
  const m = matcher(opts);
  const byKey = (list: readonly Placed[]) => {
    const out = new Map<string, Placed>();
    for (const a of list) {
      const key = m.key(a.name);
      if (key && !out.has(key)) out.set(key, a);
    }
    return out;
  };
  const b = byKey(before);
  const a = byKey(after);
  const moved: ActorMove[] = [];
  const unchanged: string[] = [];
  for (const [key, next] of a) {
    const prev = b.get(key);
    if (!prev) continue;
    const p = pos(prev);
    const n = pos(next);
    const distance = p && n ? Math.hypot(n.x - p.x, n.y - p.y) : p || n ? 1 : 0;
    if (distance >= threshold || Math.abs(prev.betrokkenheid - next.betrokkenheid) >= threshold) {
      moved.push({ key, name: next.name, before: prev, after: next, distance });
    } else unchanged.push(next.name);
  }
  moved.sort((x, y) => y.distance - x.distance);
  return {
    moved,
    unchanged,
    appeared: [...a.entries()].filter(([k]) => !b.has(k)).map(([, v]) => v),
    droppedOut: [...b.entries()].filter(([k]) => !a.has(k)).map(([, v]) => v),
  };
}

export interface GroupPlacement {
  group: string;
  /** The name this group gave the actor. */
  name: string;
  houding: number;
  invloed: number;
  betrokkenheid: number;
}

export interface GroupSpread {
  key: string;
  /** The name shown: the merged actor's own name if a group used it, else the first spelling. */
  name: string;
  /** Every spelling the groups used (merged near-duplicates included). */
  names: string[];
  /** Each group's placement of this actor (one per group, the first it placed). */
  placements: GroupPlacement[];
  /** Largest distance between two groups' placements (0..~1.4); larger = more disagreement. */
  spread: number;
}

export interface GroupActors {
  group: string;
  actors: readonly Placed[];
}

/**
 * Every placed actor with each group's placement, also those only one group placed
 * (`placements.length === 1`, spread 0). Most disputed first, then by name.
 */
export function groupPlacements(groups: readonly GroupActors[], opts: MatchOptions = {}): GroupSpread[] {
  const m = matcher(opts);
  const byKey = new Map<string, GroupSpread & { canonical: boolean }>();
  for (const { group, actors } of groups) {
    for (const actor of actors) {
      const key = m.key(actor.name);
      if (!key || actor.houding === null || actor.invloed === null) continue;
      const name = actor.name.trim();
      const entry = byKey.get(key) ?? { key, name, names: [], placements: [], spread: 0, canonical: false };
      if (entry.placements.some((p) => p.group === group)) continue; // one placement per group
      if (!entry.canonical && m.isCanonical(name)) Object.assign(entry, { name, canonical: true });
      if (!entry.names.includes(name)) entry.names.push(name);
      entry.placements.push({
        group,
        name,
        houding: actor.houding,
        invloed: actor.invloed,
        betrokkenheid: actor.betrokkenheid,
      });
      byKey.set(key, entry);
    }
  }
  const result: GroupSpread[] = [];
  for (const { canonical: _c, ...e } of byKey.values()) {
    for (const p of e.placements) {
      for (const q of e.placements) {
        e.spread = Math.max(e.spread, Math.hypot((p.houding - q.houding) / 2, p.invloed - q.invloed));
      }
    }
    result.push(e);
  }
  return result.sort((x, y) => y.spread - x.spread || x.name.localeCompare(y.name));
}

/** Actors placed by two or more groups, most disputed first. */
export function compareGroups(groups: readonly GroupActors[], opts: MatchOptions = {}): GroupSpread[] {
  return groupPlacements(groups, opts).filter((e) => e.placements.length >= 2);
}

// ---- the differences in words ----------------------------------------------------

export const COMPARE_AXES = ['houding', 'invloed', 'betrokkenheid'] as const;
export type CompareAxis = (typeof COMPARE_AXES)[number];
export type AxisLevel = 'low' | 'mid' | 'high';

/** An axis value on a 0..1 scale (houding runs -1..1). */
export function axisUnit(axis: CompareAxis, value: number): number {
  return axis === 'houding' ? (value + 1) / 2 : value;
}

/** Low, middle or high third of an axis. */
export function levelOf(axis: CompareAxis, value: number): AxisLevel {
  const u = axisUnit(axis, value);
  return u < 1 / 3 ? 'low' : u > 2 / 3 ? 'high' : 'mid';
}

export interface AxisDifference {
  axis: CompareAxis;
  /** Highest minus lowest placement, on a 0..1 scale. */
  range: number;
  /** The groups' placements on this axis, highest first. */
  placements: { group: string; value: number; level: AxisLevel }[];
}

/** Per axis, how far the groups' placements lie apart: axes with at least `minRange`, largest first. */
export function axisDifferences(spread: Pick<GroupSpread, 'placements'>, minRange = 0.2): AxisDifference[] {
  const out: AxisDifference[] = [];
  for (const axis of COMPARE_AXES) {
    const values = spread.placements.map((p) => ({ group: p.group, value: p[axis], level: levelOf(axis, p[axis]) }));
    if (values.length < 2) continue;
    const units = values.map((v) => axisUnit(axis, v.value));
    const range = Math.max(...units) - Math.min(...units);
    if (range + 1e-9 < minRange) continue;
    out.push({ axis, range, placements: values.sort((a, b) => b.value - a.value) });
  }
  return out.sort((a, b) => b.range - a.range);
}

export type SpreadSize = 'big' | 'some' | 'small';

/** Spread (0..~1.4, distance on the field with both axes 0..1) in three words: Vergelijken and the verslag say it alike. */
export function spreadSize(spread: number): SpreadSize {
  return spread >= 0.45 ? 'big' : spread >= 0.2 ? 'some' : 'small';
}

// ---- near-duplicate names ----------------------------------------------------------

/** Edit distance of two strings, or `max + 1` as soon as it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Typos and plurals allowed between two words or names of this (shorter) length. */
function allowedEdits(length: number): number {
  return length < 5 ? 0 : length < 8 ? 1 : 2;
}

function wordsAlike(a: string, b: string): boolean {
  return (
    a === b ||
    editDistance(a, b, allowedEdits(Math.min(a.length, b.length))) <= allowedEdits(Math.min(a.length, b.length))
  );
}

/** How two keys (normalized names) are alike, or `null`: the lower `score`, the likelier. */
function likeness(a: string, b: string): { reason: 'similar' | 'contains'; score: number } | null {
  if (a === b) return null;
  const flatA = a.replace(/ /g, '');
  const flatB = b.replace(/ /g, '');
  const allowed = allowedEdits(Math.min(flatA.length, flatB.length));
  const d = editDistance(flatA, flatB, allowed);
  if (d <= allowed) return { reason: 'similar', score: d };
  const [short, long] = a.split(' ').length <= b.split(' ').length ? [a, b] : [b, a];
  const s = short.split(' ');
  const l = long.split(' ');
  if (s.length >= l.length || short.replace(/ /g, '').length < 3) return null;
  for (let start = 0; start + s.length <= l.length; start++) {
    if (s.every((w, i) => wordsAlike(w, l[start + i]!))) return { reason: 'contains', score: 3 + start };
  }
  return null;
}

/**
 * Which of two names to keep: the one more groups used, else the longer (more specific)
 * one, else the tidier one (fewer spaces: "GGD" over "G.G.D"), else the first in order.
 */
function preferAsCanonical(x: { key: string; groups: Set<string> }, y: { key: string; groups: Set<string> }): boolean {
  if (x.groups.size !== y.groups.size) return x.groups.size > y.groups.size;
  const flat = (k: string) => k.replace(/ /g, '');
  if (flat(x.key).length !== flat(y.key).length) return flat(x.key).length > flat(y.key).length;
  if (x.key.length !== y.key.length) return x.key.length < y.key.length;
  return x.key < y.key;
}

export interface MergeSuggestion {
  /** The name to merge (shown), and its key. */
  alias: string;
  aliasKey: string;
  /** The name it probably means, and its key. */
  canonical: string;
  canonicalKey: string;
  /** `similar`: a typo or plural apart; `contains`: one name is part of the other. */
  reason: 'similar' | 'contains';
  /** The groups that used either name. */
  groups: string[];
}

/**
 * Pairs of actors (after the merges so far) whose names probably mean the same actor:
 * a small edit distance ("Huisarts" / "Huisartsen") or one name inside the other
 * ("GGD" / "GGD Hollands Midden"). A pair that one group placed side by side is left
 * out: that group meant two actors. The name more groups used (else the longer, more
 * specific one) is the suggested canonical name. Likeliest first, at most `limit`.
 */
export function suggestMerges(
  groups: readonly { group: string; actors: readonly Pick<Placed, 'name'>[] }[],
  opts: MatchOptions = {},
  limit = 12,
): MergeSuggestion[] {
  const m = matcher(opts);
  const clusters = new Map<
    string,
    { key: string; name: string; canonical: boolean; spellings: Set<string>; groups: Set<string> }
  >();
  for (const { group, actors } of groups) {
    for (const actor of actors) {
      const key = m.key(actor.name);
      if (!key) continue;
      const name = actor.name.trim();
      const c = clusters.get(key) ?? { key, name, canonical: false, spellings: new Set(), groups: new Set() };
      if (!c.canonical && m.isCanonical(name)) Object.assign(c, { name, canonical: true });
      c.spellings.add(matchKey(name));
      c.groups.add(group);
      clusters.set(key, c);
    }
  }
  const list = [...clusters.values()];
  const found: (MergeSuggestion & { score: number })[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const x = list[i]!;
      const y = list[j]!;
      if ([...x.groups].some((g) => y.groups.has(g))) continue;
      let best: ReturnType<typeof likeness> = null;
      for (const a of new Set([x.key, ...x.spellings])) {
        for (const b of new Set([y.key, ...y.spellings])) {
          const l = likeness(a, b);
          if (l && (!best || l.score < best.score)) best = l;
        }
      }
      if (!best) continue;
      const xFirst = preferAsCanonical(x, y);
      const [canonical, alias] = xFirst ? [x, y] : [y, x];
      found.push({
        alias: alias.name,
        aliasKey: alias.key,
        canonical: canonical.name,
        canonicalKey: canonical.key,
        reason: best.reason,
        groups: [...new Set([...canonical.groups, ...alias.groups])],
        score: best.score,
      });
    }
  }
  found.sort((a, b) => a.score - b.score || a.canonical.localeCompare(b.canonical) || a.alias.localeCompare(b.alias));
  return found.slice(0, limit).map(({ score: _s, ...s }) => s);
}
