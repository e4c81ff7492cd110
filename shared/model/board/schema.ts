/**
 * Records on a board (schema version 2), validated with zod; types are inferred.
 * How they are stored (a record and a text per item) is explained in store.ts.
 *
 * Board doc layout:
 *   meta:  Y.Map { schemaVersion: 2 }
 *   items: Y.Map<itemId, Y.Map { r: record, t: text }>
 *
 * Glossary: a "view" is one of the board's tabs (the free canvas now; krachtenveld,
 * forces, 3 B's, network and typology later); free items carry the view they live on.
 */
import { z } from 'zod';

export const BOARD_SCHEMA_VERSION = 2;

/** Largest coordinate we accept; keeps hostile values from breaking geometry and exports. */
export const COORD_LIMIT = 1_000_000;
const coord = z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT);
const size = z.number().finite().min(8).max(20_000);

export const NOTE_COLORS = ['#fff3a3', '#ffd6a5', '#caffbf', '#9bf6ff', '#bdb2ff', '#ffc6ff'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];
export const INK_COLORS = ['#1f2933', '#0e5a63', '#b42318', '#b54708', '#2e7d32', '#5b3cc4'] as const;
export type InkColor = (typeof INK_COLORS)[number];

export const ITEM_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export const ItemId = z.string().regex(ITEM_ID_RE);

/** The views (tabs) of a board. Free items live on one of them. */
export const VIEW_IDS = ['canvas'] as const;
export const ViewId = z.string().min(1).max(40);

const base = {
  id: ItemId,
  view: ViewId.catch('canvas'),
  /** Stacking order: higher is in front. Ties break by id. */
  z: z.number().finite().catch(0),
  /** Display name of whoever made it (shown on notes). */
  author: z.string().max(80).catch(''),
  /** Participant id of whoever made it (private mode shows people only their own). */
  authorId: z.string().max(64).optional().catch(undefined),
};

export const NoteItem = z.object({
  ...base,
  kind: z.literal('note'),
  x: coord,
  y: coord,
  w: size.catch(180),
  h: size.catch(120),
  text: z.string().max(5000).catch(''),
  color: z.enum(NOTE_COLORS).catch(NOTE_COLORS[0]),
});

export const TextItem = z.object({
  ...base,
  kind: z.literal('text'),
  x: coord,
  y: coord,
  w: size.catch(240),
  h: size.catch(40),
  text: z.string().max(5000).catch(''),
  fontSize: z.number().min(8).max(200).catch(20),
  color: z.enum(INK_COLORS).catch(INK_COLORS[0]),
});

export const FrameItem = z.object({
  ...base,
  kind: z.literal('frame'),
  x: coord,
  y: coord,
  w: size.catch(480),
  h: size.catch(320),
  title: z.string().max(200).catch(''),
});

/** An arrow end: bound to an item (follows it) or a free point. */
export const ArrowEnd = z.union([z.object({ itemId: ItemId }), z.object({ x: coord, y: coord })]);
export type ArrowEnd = z.infer<typeof ArrowEnd>;

export const ArrowItem = z.object({
  ...base,
  kind: z.literal('arrow'),
  start: ArrowEnd,
  end: ArrowEnd,
  label: z.string().max(200).catch(''),
  color: z.enum(INK_COLORS).catch(INK_COLORS[0]),
});

export const BoardItem = z.discriminatedUnion('kind', [NoteItem, TextItem, FrameItem, ArrowItem]);
export type NoteItem = z.infer<typeof NoteItem>;
export type TextItem = z.infer<typeof TextItem>;
export type FrameItem = z.infer<typeof FrameItem>;
export type ArrowItem = z.infer<typeof ArrowItem>;
export type BoardItem = z.infer<typeof BoardItem>;
export type ItemKind = BoardItem['kind'];
/** Items with a box (everything but arrows). */
export type BoxItem = NoteItem | TextItem | FrameItem;

export function isBoxItem(item: BoardItem): item is BoxItem {
  return item.kind !== 'arrow';
}

/** Parses one stored record; `null` when it cannot be repaired (the caller skips it). */
export function parseItem(id: string, value: unknown): BoardItem | null {
  const parsed = BoardItem.safeParse(value);
  if (!parsed.success || parsed.data.id !== id) return null;
  return parsed.data;
}
