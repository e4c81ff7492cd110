/**
 * Live counts in the session doc (issue 12): how many people voted in a round, how many
 * grades the evaluation has. The server counts (server/results.ts: a number, never who)
 * and writes the number; one session's counts are taken and written one after the
 * other, so a count taken before a later change never lands after it.
 */

/** Runs `task`s one after the other per session; a failed one does not stop the next. */
export function perSessionQueue(): (sid: string, task: () => Promise<void>) => Promise<void> {
  const running = new Map<string, Promise<void>>();
  return (sid, task) => {
    const next = (running.get(sid) ?? Promise.resolve()).then(task);
    const settled = next.catch(() => undefined);
    running.set(sid, settled);
    void settled.then(() => {
      if (running.get(sid) === settled) running.delete(sid);
    });
    return next;
  };
}
