/**
 * The first view of a session page (issue 14): the parts it does not need (a dialog's
 * button, a menu, a facilitator's panel: `ui/lazyPart.ts`) load after it is on screen
 * and the browser is idle, so they neither delay it nor share the wire with it. A
 * board's view is on screen at the first frame its canvas draws
 * (`base/board/useStageViewport.ts` calls {@link firstViewShown}); a page without a board
 * counts as shown a moment ({@link WITHOUT_BOARD_MS}) after the first part asked.
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

function whenIdle(resolve: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
  else setTimeout(resolve, 0);
}

/** Resolves once the first view is on screen and the page is idle (soon, if it was shown already). */
export function afterFirstView(): Promise<void> {
  if (!shown) fallback ??= setTimeout(firstViewShown, WITHOUT_BOARD_MS);
  return new Promise((resolve) => {
    if (shown) whenIdle(resolve);
    else waiting.push(() => whenIdle(resolve));
  });
}
