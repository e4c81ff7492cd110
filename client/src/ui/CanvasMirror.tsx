/**
 * The accessible mirror of a drawn board (issue 12, WCAG 1.1.1 and 2.1.1): what the
 * canvas shows, as a list in words ("GGD: veel invloed, houding voor, groot belang"),
 * each with a button that picks it on the board, so the keyboard can move it there. A
 * disclosure that stays out of sight until it has the focus or is open.
 */
import { memo, type ReactNode } from 'react';
import './a11y.css';

export interface MirrorItem {
  id: string;
  text: string;
}

export interface CanvasMirrorProps {
  /** The list's heading ("Actoren in woorden"). */
  title: string;
  items: readonly MirrorItem[];
  selectedId?: string | null;
  /** The choose button's text for an item ("Kies GGD"); without `onChoose` there is no button. */
  chooseLabel?: (item: MirrorItem) => string;
  onChoose?: (id: string) => void;
  /** Said when there is nothing to list. */
  empty: string;
  testId?: string;
  children?: ReactNode;
}

export function CanvasMirror({
  title,
  items,
  selectedId = null,
  chooseLabel,
  onChoose,
  empty,
  testId = 'canvas-mirror',
  children,
}: CanvasMirrorProps) {
  return (
    <details className="a11y-mirror" data-testid={testId}>
      <summary className="a11y-mirror-summary">
        {title} ({items.length})
      </summary>
      <div className="a11y-mirror-body">
        {children}
        {items.length === 0 ? <p className="a11y-mirror-empty">{empty}</p> : null}
        <ul className="a11y-mirror-list" aria-label={title}>
          {items.map((item) => (
            <MirrorRow
              key={item.id}
              item={item}
              current={item.id === selectedId}
              chooseLabel={chooseLabel}
              onChoose={onChoose}
            />
          ))}
        </ul>
      </div>
    </details>
  );
}

interface MirrorRowProps {
  item: MirrorItem;
  current: boolean;
  chooseLabel?: (item: MirrorItem) => string;
  onChoose?: (id: string) => void;
}

/**
 * One item of the list. Rendered again only when its entry, its being the selected one or
 * the button's props change (issue 14: an edit to one item of 5,000 renders one row).
 */
const MirrorRow = memo(function MirrorRow({ item, current, chooseLabel, onChoose }: MirrorRowProps) {
  return (
    <li data-id={item.id} aria-current={current ? 'true' : undefined} data-testid="mirror-item">
      <span className="a11y-mirror-text">{item.text}</span>
      {onChoose && chooseLabel ? (
        <button
          type="button"
          className="a11y-mirror-choose"
          onClick={() => onChoose(item.id)}
          data-testid="mirror-choose"
        >
          {chooseLabel(item)}
        </button>
      ) : null}
    </li>
  );
});
