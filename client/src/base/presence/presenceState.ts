/**
 * What each person on a board tells the others through the board room's awareness
 * (issue 3, "Presence"), and how we read it back. Other people's states are untrusted
 * input: every field is parsed, a bad field is dropped, never trusted or thrown on.
 *
 * Awareness state of a board room:
 *   user:      { id, name, role, color }   id, name and role rewritten by the server from the token
 *   cursor:    { x, y } | null            pointer in world (board) coordinates
 *   selection: string[]                  ids of the items I have selected
 *   viewport:  { x, y, scale, width, height } | null
 *
 * A viewport is the stage transform plus the screen size: the screen point (sx, sy)
 * shows the world point ((sx - x) / scale, (sy - y) / scale); width and height are
 * the canvas size in CSS pixels.
 */
import { z } from 'zod';
import { COORD_LIMIT, ITEM_ID_RE } from '../../../../shared/model/board/schema.ts';
import { ROLES } from '../../../../shared/roles.ts';
import type { Point } from '../../../../shared/model/board/geometry.ts';
import type { AwarenessUser } from '../sync/Room.ts';

export type { Point };

export interface PresenceViewport {
  x: number;
  y: number;
  scale: number;
  width: number;
  height: number;
}

/** One other person (one browser tab) on this board. */
export interface PeerPresence {
  /** The awareness client id: one per tab. */
  clientId: number;
  user: AwarenessUser;
  cursor?: Point;
  selection: string[];
  viewport?: PresenceViewport;
}

/** The fields this module publishes next to `user`. */
export interface PublishedPresence {
  cursor: Point | null;
  selection: string[];
  viewport: PresenceViewport | null;
}

/**
 * At most this many selected ids are published: the server accepts 16 KiB of
 * awareness state per client, and 500 ids of up to 14 bytes stay well below it.
 */
export const MAX_PUBLISHED_SELECTION = 500;
/** Grey for a state without a (valid) colour: 5.3:1 behind white initials (WCAG 1.4.3, issue 12). */
export const FALLBACK_COLOR = '#5f6e74';

const coord = z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT);
/** The `user` of an awareness state (board and session rooms alike); a bad colour becomes grey. */
export const AwarenessUserSchema = z.object({
  id: z.string().max(100),
  name: z.string().max(100),
  role: z.enum(ROLES),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .catch(FALLBACK_COLOR),
});
const CursorSchema = z.object({ x: coord, y: coord });
const ViewportSchema = z.object({
  x: z.number().finite().min(-1e9).max(1e9),
  y: z.number().finite().min(-1e9).max(1e9),
  scale: z.number().finite().min(0.001).max(100),
  width: z.number().finite().min(1).max(100_000),
  height: z.number().finite().min(1).max(100_000),
});
const SelectionSchema = z.array(z.unknown()).max(MAX_PUBLISHED_SELECTION * 2);

/** Parses one awareness state; `null` when it has no valid `user` (not a person we can show). */
export function parsePeerState(clientId: number, state: unknown): PeerPresence | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Record<string, unknown>;
  const user = AwarenessUserSchema.safeParse(s.user);
  if (!user.success) return null;
  const cursor = CursorSchema.safeParse(s.cursor);
  const viewport = ViewportSchema.safeParse(s.viewport);
  const rawSelection = SelectionSchema.safeParse(s.selection);
  const selection = rawSelection.success
    ? rawSelection.data.filter((id): id is string => typeof id === 'string' && ITEM_ID_RE.test(id))
    : [];
  const peer: PeerPresence = {
    clientId,
    user: { ...user.data, name: user.data.name.trim() || '?' },
    selection,
  };
  if (cursor.success) peer.cursor = cursor.data;
  if (viewport.success) peer.viewport = viewport.data;
  return peer;
}

/** Everyone but me, in a stable order (by name, then tab). */
export function readPeers(states: ReadonlyMap<number, unknown>, selfClientId: number): PeerPresence[] {
  const peers: PeerPresence[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfClientId) continue;
    const peer = parsePeerState(clientId, state);
    if (peer) peers.push(peer);
  }
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name, 'nl') || a.clientId - b.clientId);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** What to publish, rounded (fewer bytes, fewer no-op updates) and capped. */
export function toPublished(
  cursor: Point | null,
  selection: readonly string[],
  viewport: PresenceViewport | null,
): PublishedPresence {
  return {
    cursor: cursor && Number.isFinite(cursor.x + cursor.y) ? { x: round1(cursor.x), y: round1(cursor.y) } : null,
    selection: selection.slice(0, MAX_PUBLISHED_SELECTION),
    viewport:
      viewport && Number.isFinite(viewport.x + viewport.y + viewport.scale + viewport.width + viewport.height)
        ? {
            x: round1(viewport.x),
            y: round1(viewport.y),
            scale: Math.round(viewport.scale * 10_000) / 10_000,
            width: Math.round(viewport.width),
            height: Math.round(viewport.height),
          }
        : null,
  };
}

/** Two letters for an avatar: "Anna de Vries" → "AV", "Fien Jansen (GGD)" → "FJ", "mo" → "MO". */
export function initials(name: string): string {
  // Words that start with a letter or digit: "(GGD)" and "-" are not a name's initials.
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => /^[\p{L}\p{N}]/u.test(w));
  const first = words[0] ?? '?';
  const last = words.length > 1 ? words[words.length - 1]! : '';
  const letters = last ? [...first].slice(0, 1).concat([...last].slice(0, 1)) : [...first].slice(0, 2);
  return letters.join('').toUpperCase() || '?';
}
