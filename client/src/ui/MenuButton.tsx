/**
 * A button that opens a short menu of actions (the toolbars' export and data menus):
 * closed by Escape, by a click elsewhere and by choosing an item. The shared look is in
 * MenuButton.css; the caller names classes of its own for its sizes.
 *
 *   <MenuButton label="Exporteren" items={[{ key: 'png', label: 'PNG' }]} onChoose={run}
 *     classes={…} testIds={{ root: 'export-menu', button: 'export-button', item: 'export' }} />
 */
import type { ReactNode } from 'react';
import { usePopover } from './usePopover.ts';
import './MenuButton.css';

export interface MenuButtonProps<K extends string> {
  /** The button's text. */
  label: ReactNode;
  /** Its name for screen readers and its tooltip, where the text alone does not say it. */
  name?: string;
  items: readonly { key: K; label: string }[];
  /** Called after the menu closed. */
  onChoose: (key: K) => void;
  /** The button is off while busy. */
  busy?: boolean;
  classes: { root: string; button: string; list: string; item: string };
  /** `data-testid`s: of the root, of the button, and `${item}-${key}` of each item. */
  testIds: { root: string; button: string; item: string };
  /** After the menu: a status line or a dialog of the menu's own. */
  children?: ReactNode;
}

export function MenuButton<K extends string>(props: MenuButtonProps<K>) {
  const { label, name, items, onChoose, busy = false, classes, testIds, children } = props;
  const { open, toggle, close, root } = usePopover();
  return (
    <div className={`menu ${classes.root}`} ref={root} data-testid={testIds.root}>
      <button
        type="button"
        className={`outline-button menu-button ${classes.button}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={name}
        title={name}
        disabled={busy}
        onClick={toggle}
        data-testid={testIds.button}
      >
        {label}
      </button>
      {open ? (
        <ul className={`menu-list ${classes.list}`} role="menu">
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                className={`outline-button menu-item ${classes.item}`}
                onClick={() => {
                  close();
                  onChoose(item.key);
                }}
                data-testid={`${testIds.item}-${item.key}`}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}
