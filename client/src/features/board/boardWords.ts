/**
 * The free board in words for the screen reader (issue 12): each item with its kind,
 * text, author and where it lies on the board ("Briefje van Anna: Zorg voor één
 * trekker (linksboven, in Kader Kansen)"), for the board's accessible mirror; and what
 * others added or removed, for its live region. Pure: the snapshot is the model's
 * (`shared/model/board/read.ts`), the words come through `t`.
 */
import { isBoxItem, type BoardItem } from '../../../../shared/model/board/schema.ts';
import type { Change } from '../../ui/LiveRegion.tsx';
import type { MessageKey } from '../../base/i18n/useT.ts';
import type { MirrorItem } from '../../ui/CanvasMirror.tsx';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const WHERE = [
  ['tl', 't', 'tr'],
  ['l', 'c', 'r'],
  ['bl', 'b', 'br'],
] as const;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boundsOf(items: readonly BoardItem[]): Box | null {
  const boxes = items.filter(isBoxItem);
  if (!boxes.length) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const r = Math.max(...boxes.map((b) => b.x + b.w));
  const btm = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: r - x, h: btm - y };
}

/** Which ninth of the board's content the middle of `b` lies in. */
function ninth(b: Box, all: Box): (typeof WHERE)[number][number] {
  const third = (v: number, start: number, size: number) =>
    size <= 0 ? 1 : Math.min(2, Math.max(0, Math.floor(((v - start) / size) * 3)));
  const col = third(b.x + b.w / 2, all.x, all.w);
  const row = third(b.y + b.h / 2, all.y, all.h);
  return WHERE[row]![col]!;
}

const textOf = (item: BoardItem): string =>
  item.kind === 'frame' ? item.title : item.kind === 'arrow' ? item.label : item.text;

function kindWord(t: T, item: BoardItem): string {
  return t(`a11y.kind.${item.kind}`);
}

/** A short name of an item for an arrow's end: its kind and first words. */
function shortName(t: T, item: BoardItem | undefined): string {
  if (!item) return t('a11y.free');
  const text = textOf(item).trim();
  return text ? `${kindWord(t, item)} “${text.slice(0, 40)}”` : kindWord(t, item);
}

/** The frame an item lies in (its middle inside the frame), if any. */
function frameOf(item: Box, frames: readonly BoardItem[]): BoardItem | undefined {
  const cx = item.x + item.w / 2;
  const cy = item.y + item.h / 2;
  return frames.find((f) => f !== item && isBoxItem(f) && cx >= f.x && cx <= f.x + f.w && cy >= f.y && cy <= f.y + f.h);
}

/** What an item's line depends on besides the item: the board's bounds, the frames, the arrows' ends. */
interface Context {
  t: T;
  all: Box | null;
  frames: readonly BoardItem[];
  byId: ReadonlyMap<string, BoardItem>;
}

function contextOf(t: T, items: readonly BoardItem[], byId: ReadonlyMap<string, BoardItem>): Context {
  return { t, all: boundsOf(items), frames: items.filter((i) => i.kind === 'frame'), byId };
}

/**
 * The other things an item's line is made of (beside the item and `t`): for an arrow the
 * items at its ends, for the rest the ninth of the board it lies in and its frame.
 */
function inputsOf(ctx: Context, item: BoardItem): readonly unknown[] {
  if (item.kind === 'arrow') {
    const from = 'itemId' in item.start ? ctx.byId.get(item.start.itemId) : undefined;
    const to = 'itemId' in item.end ? ctx.byId.get(item.end.itemId) : undefined;
    return [from, to];
  }
  return [ctx.all ? ninth(item, ctx.all) : null, item.kind === 'frame' ? undefined : frameOf(item, ctx.frames)];
}

function lineOf(t: T, item: BoardItem, inputs: readonly unknown[]): MirrorItem {
  if (item.kind === 'arrow') {
    const [from, to] = inputs as [BoardItem | undefined, BoardItem | undefined];
    const base = t('a11y.arrow', { from: shortName(t, from), to: shortName(t, to) });
    return { id: item.id, text: item.label.trim() ? `${base}: ${item.label.trim()}` : base };
  }
  const [place, frame] = inputs as [(typeof WHERE)[number][number] | null, BoardItem | undefined];
  const whereParts = [place ? t(`a11y.where.${place}`) : ''];
  if (frame) whereParts.push(t('a11y.inFrame', { frame: shortName(t, frame) }));
  const where = whereParts.filter(Boolean).join(', ');
  const text = textOf(item).trim() || t('a11y.empty');
  const kind = kindWord(t, item);
  return {
    id: item.id,
    text:
      item.author && item.kind === 'note'
        ? t('a11y.itemBy', { kind, author: item.author, text, where })
        : t('a11y.item', { kind, text, where }),
  };
}

/**
 * The lines made before, per item (issue 14): the model keeps an unchanged item's object
 * from one snapshot to the next, so an item whose object, `t` and inputs are the same
 * keeps its line, the same object, and an edit to one note on a board of 5,000 items
 * makes one sentence instead of 5,000 (and the mirror's rows see the same entries).
 */
export interface EntryCache {
  t: T | null;
  lines: WeakMap<BoardItem, { inputs: readonly unknown[]; entry: MirrorItem }>;
}

export function entryCache(): EntryCache {
  return { t: null, lines: new WeakMap() };
}

function entryOf(ctx: Context, item: BoardItem, cache?: EntryCache): MirrorItem {
  const inputs = inputsOf(ctx, item);
  if (!cache) return lineOf(ctx.t, item, inputs);
  if (cache.t !== ctx.t) {
    cache.t = ctx.t;
    cache.lines = new WeakMap();
  }
  const kept = cache.lines.get(item);
  if (kept && kept.inputs.length === inputs.length && kept.inputs.every((v, i) => v === inputs[i])) return kept.entry;
  const entry = lineOf(ctx.t, item, inputs);
  cache.lines.set(item, { inputs, entry });
  return entry;
}

/** One line in words per item of the view, in drawing order; with `cache`, unchanged lines are the ones made before. */
export function boardEntries(
  t: T,
  items: readonly BoardItem[],
  byId: ReadonlyMap<string, BoardItem>,
  cache?: EntryCache,
): MirrorItem[] {
  const ctx = contextOf(t, items, byId);
  return items.map((item) => entryOf(ctx, item, cache));
}

/** Items that others added or removed between two snapshots of the view, in words. */
export function boardChanges(
  t: T,
  prev: readonly BoardItem[],
  next: readonly BoardItem[],
  byId: ReadonlyMap<string, BoardItem>,
): Change[] {
  const before = new Set(prev.map((i) => i.id));
  const after = new Set(next.map((i) => i.id));
  const changes: Change[] = [];
  const added = next.filter((i) => !before.has(i.id));
  const oldText = new Map(prev.map((i) => [i.id, textOf(i)]));
  const edited = next.filter((i) => before.has(i.id) && oldText.get(i.id) !== textOf(i));
  if (added.length || edited.length) {
    // Only the lines said: the added and edited items' (in the whole view's context).
    const ctx = contextOf(t, next, byId);
    for (const i of added) changes.push({ key: i.id, text: t('a11y.added', { item: entryOf(ctx, i).text }) });
    // A note typed in just after it was made: "Nieuw" with its words (the key keeps one message per item).
    for (const i of edited) changes.push({ key: i.id, text: t('a11y.changed', { item: entryOf(ctx, i).text }) });
  }
  for (const i of prev) {
    if (!after.has(i.id)) changes.push({ key: i.id, text: t('a11y.removed', { item: shortName(t, i) }) });
  }
  return changes;
}
