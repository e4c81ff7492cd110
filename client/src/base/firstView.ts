/**
 * The first view of a session page (issue 14): the parts it does not need (a dialog's
 * button, a menu, a facilitator's panel: `ui/lazyPart.ts`) load after it is on screen,
 * so they neither delay it nor share the wire with it. A board's view is on screen at the
 * first frame its canvas draws (`base/board/useStageViewport.ts` calls
 * {@link firstViewShown}); a page without a board counts as shown a moment
 * ({@link WITHOUT_BOARD_MS}) after the first part asked.
 */
const WITHOUT_BOARD_MS = 800;

let shown = false;
let fallback: ReturnType<typeof setTimeout> | null = null;
const waiting: (() => void)[] = [];

/** The first view is on screen: what waits for it may load now. */
export function firstViewShown(): void {
  if (shown) return;
  shown = true;
  if (fallback !== null) clearTimeout(fallback);
  for (const resolve of waiting.splice(0)) resolve();
}

/** Resolves once the first view is on screen (at once if it is). */
export function afterFirstView(): Promise<void> {
  if (shown) return Promise.resolve();
  fallback ??= setTimeout(firstViewShown, WITHOUT_BOARD_MS);
  return new Promise((resolve) => waiting.push(resolve));
}
