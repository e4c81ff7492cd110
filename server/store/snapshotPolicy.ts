/**
 * Which history snapshots of one document to keep (issue 11: data that does not outlive
 * its purpose, and no unbounded growth). All of the last day; before that, the newest
 * of each day; never more than {@link MAX_SNAPSHOTS_PER_ROOM}, the newest first. Both
 * stores apply it after every saved snapshot, so a room never holds more than the cap.
 */
export const MAX_SNAPSHOTS_PER_ROOM = 60;
const DAY_MS = 24 * 3600 * 1000;

/** The ids to delete among one room's snapshots. */
export function snapshotsToDrop(snapshots: readonly { id: number; createdAt: number }[], now: number): number[] {
  const newestFirst = [...snapshots].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const keep = new Set<number>();
  const daysSeen = new Set<number>();
  for (const s of newestFirst) {
    if (keep.size >= MAX_SNAPSHOTS_PER_ROOM) break;
    if (now - s.createdAt < DAY_MS) {
      keep.add(s.id);
      continue;
    }
    const day = Math.floor(s.createdAt / DAY_MS);
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(s.id);
  }
  return newestFirst.filter((s) => !keep.has(s.id)).map((s) => s.id);
}
