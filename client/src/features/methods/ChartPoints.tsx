/**
 * A chart's text alternative: a visually hidden list, one entry per actor, for screen
 * readers; its `data-*` (the position, the ring...) doubles as the browser tests' view
 * of where each actor stands. The krachtenveld and the network view.
 */
import type { ReactNode } from 'react';

export interface ChartPoint {
  id: string;
  /** Written as `data-<key>` on the entry. */
  data: Record<string, string | number | boolean>;
  text: ReactNode;
}

export function ChartPoints({ testId, label, points }: { testId: string; label: string; points: ChartPoint[] }) {
  return (
    <ul className="visually-hidden" data-testid={testId} aria-label={label}>
      {points.map((p) => (
        <li
          key={p.id}
          data-actor-id={p.id}
          {...Object.fromEntries(Object.entries(p.data).map(([k, v]) => [`data-${k}`, String(v)]))}
        >
          {p.text}
        </li>
      ))}
    </ul>
  );
}
