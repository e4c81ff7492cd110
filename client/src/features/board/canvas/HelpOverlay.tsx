import { useEffect, useRef } from 'react';
import { useBoardState, type BoardStore } from '../../../base/board/boardState.ts';
import {
  SHORTCUTS,
  comboLabel,
  isMac,
  setCharacterShortcutsOn,
  shortcutKeys,
  type ShortcutGroup,
} from '../../../base/board/shortcuts.ts';
import { useCharacterShortcuts } from '../../../base/board/useShortcutSetting.ts';
import { Switch } from '../../../ui/Switch.tsx';
import { useT, type MessageKey } from '../../../base/i18n/useT.ts';
import { icons } from './icons.tsx';
import './board.css';
import './HelpOverlay.css';

const GROUPS: { group: ShortcutGroup; label: MessageKey }[] = [
  { group: 'tools', label: 'help.group.tools' },
  { group: 'edit', label: 'help.group.edit' },
  { group: 'arrange', label: 'help.group.arrange' },
  { group: 'view', label: 'help.group.view' },
];

/** Every shortcut of the board, from the same table the keys are handled with (`?` toggles, Escape closes). */
export function HelpOverlay({ store }: { store: BoardStore }) {
  const t = useT();
  const open = useBoardState(store, (s) => s.helpOpen);
  const close = useRef<HTMLButtonElement>(null);
  const characterKeys = useCharacterShortcuts();
  useEffect(() => {
    if (open) close.current?.focus({ preventScroll: true });
  }, [open]);
  if (!open) return null;
  const mac = isMac();
  const names: Record<string, string> = {
    space: t('key.space'),
    drag: t('key.drag'),
    'wheel-button': t('key.wheel-button'),
    wheel: t('key.wheel'),
    escape: t('key.escape'),
  };
  const hide = () => store.setState({ helpOpen: false });
  return (
    <div className="help-backdrop" onPointerDown={(e) => e.target === e.currentTarget && hide()}>
      <section
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="help-overlay"
      >
        <header className="help-header">
          <h2 id="help-title">{t('help.title')}</h2>
          <button
            ref={close}
            type="button"
            className="tool-button"
            aria-label={t('help.close')}
            title={`${t('help.close')} (Esc)`}
            onClick={hide}
          >
            {icons.close}
          </button>
        </header>
        <div className="help-groups">
          {GROUPS.map(({ group, label }) => (
            <div key={group} className="help-group">
              <h3>{t(label)}</h3>
              <dl>
                {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                  <div key={s.id} className="help-row">
                    <dt>{t(s.label)}</dt>
                    <dd>
                      {shortcutKeys(s).map((combo, i) => (
                        <span key={combo}>
                          {i > 0 ? <span className="help-or">/</span> : null}
                          <kbd>{comboLabel(combo, mac, names)}</kbd>
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
        <div className="help-setting">
          <Switch
            on={characterKeys}
            onChange={setCharacterShortcutsOn}
            label={t('help.charKeys')}
            testId="shortcuts-switch"
            describedBy="help-char-keys"
          />
          <p id="help-char-keys" className="help-touch">
            {t('help.charKeysHint')}
          </p>
        </div>
        <p className="help-touch">{t('help.touch')}</p>
      </section>
    </div>
  );
}
