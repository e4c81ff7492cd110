/**
 * Publishes my pointer, selection and viewport into a board room's awareness, at most
 * every 50 ms (~20 Hz): changes are collected and sent as one awareness update on the
 * next animation frame that is far enough from the previous send. No React here.
 */
import type { Awareness } from 'y-protocols/awareness';
import { onNextFrame } from './PeerStore.ts';
import { toPublished, type Point, type PresenceViewport } from './presenceState.ts';

/** Minimum time between two awareness updates of ours (cursor ~20 Hz). */
export const PUBLISH_INTERVAL_MS = 50;

export class PresencePublisher {
  private cursor: Point | null = null;
  private selection: readonly string[] = [];
  private viewport: PresenceViewport | null = null;
  private lastSent = '';
  private lastSentAt = -Infinity;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly awareness: Awareness,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** My pointer in world coordinates, or `null` when it left the board. Cheap: call on every pointer move. */
  readonly setCursor = (cursor: Point | null): void => {
    if (cursor === this.cursor || (cursor && this.cursor && cursor.x === this.cursor.x && cursor.y === this.cursor.y))
      return;
    this.cursor = cursor ? { x: cursor.x, y: cursor.y } : null;
    this.schedule();
  };

  setSelection(ids: readonly string[]): void {
    this.selection = ids;
    this.schedule();
  }

  setViewport(viewport: PresenceViewport | null): void {
    this.viewport = viewport;
    this.schedule();
  }

  /** Takes my cursor, selection and viewport back (leaving the board); `set*` calls later publish again. */
  withdraw(): void {
    this.cancel?.();
    this.cancel = null;
    this.cursor = null;
    this.selection = [];
    this.viewport = null;
    this.lastSent = '';
    const state = this.awareness.getLocalState();
    if (state && ('cursor' in state || 'selection' in state || 'viewport' in state)) {
      const { cursor: _c, selection: _s, viewport: _v, ...rest } = state;
      this.awareness.setLocalState(rest);
    }
  }

  private schedule(): void {
    this.cancel ??= onNextFrame(this.tick);
  }

  private readonly tick = (): void => {
    this.cancel = null;
    if (this.now() - this.lastSentAt < PUBLISH_INTERVAL_MS) return this.schedule();
    this.flush();
  };

  private flush(): void {
    const published = toPublished(this.cursor, this.selection, this.viewport);
    const signature = JSON.stringify(published);
    if (signature === this.lastSent) return;
    // `null`: the page is hidden or the room closed (rooms.ts); do not bring us back.
    const state = this.awareness.getLocalState();
    if (state === null) return;
    this.awareness.setLocalState({ ...state, ...published });
    this.lastSent = signature;
    this.lastSentAt = this.now();
  }
}
