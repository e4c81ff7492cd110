import { useEffect, useState, type RefObject } from 'react';

/**
 * The element's content size, kept up to date with a ResizeObserver; with
 * `wholePixels`, rounded down to whole CSS pixels (a canvas sized to it never overflows).
 */
export function useElementSize(
  ref: RefObject<HTMLElement | null>,
  { wholePixels = false }: { wholePixels?: boolean } = {},
): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const round = wholePixels ? Math.floor : (n: number) => n;
      const width = round(entry.contentRect.width);
      const height = round(entry.contentRect.height);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, wholePixels]);
  return size;
}
