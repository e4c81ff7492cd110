import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

type Size = { width: number; height: number };

/** The content box as a ResizeObserver's `contentRect` gives it: the border box less padding and border. */
function contentSize(el: HTMLElement): Size {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const px = (v: string) => parseFloat(v) || 0;
  return {
    width: Math.max(
      0,
      box.width -
        px(style.paddingLeft) -
        px(style.paddingRight) -
        px(style.borderLeftWidth) -
        px(style.borderRightWidth),
    ),
    height: Math.max(
      0,
      box.height -
        px(style.paddingTop) -
        px(style.paddingBottom) -
        px(style.borderTopWidth) -
        px(style.borderBottomWidth),
    ),
  };
}

/** The state update to `measured` (rounded down with `wholePixels`), keeping the same object if nothing changed. */
function sized(measured: Size, wholePixels: boolean): (s: Size) => Size {
  const round = wholePixels ? Math.floor : (n: number) => n;
  const width = round(measured.width);
  const height = round(measured.height);
  return (s) => (s.width === width && s.height === height ? s : { width, height });
}

/**
 * The element's content size, kept up to date with a ResizeObserver; with
 * `wholePixels`, rounded down to whole CSS pixels (a canvas sized to it never overflows).
 * The first size is measured as the element mounts, before the browser paints (issue 14,
 * first paint): waiting for the observer's first report cost a frame and a second render
 * before a board's canvas could be made.
 */
export function useElementSize(
  ref: RefObject<HTMLElement | null>,
  { wholePixels = false }: { wholePixels?: boolean } = {},
): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) setSize(sized(contentSize(el), wholePixels));
  }, [ref, wholePixels]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize(sized(entry.contentRect, wholePixels));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, wholePixels]);
  return size;
}
