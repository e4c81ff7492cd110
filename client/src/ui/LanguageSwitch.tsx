import { setLang, useLang, useT, type Lang } from '../base/i18n/useT.ts';
import './LanguageSwitch.css';

const LANGS: { lang: Lang; label: string; name: string }[] = [
  { lang: 'nl', label: 'NL', name: 'Nederlands' },
  { lang: 'en', label: 'EN', name: 'English' },
];

/** NL / EN toggle; the choice is remembered on the device. */
export function LanguageSwitch() {
  const t = useT();
  const current = useLang();
  return (
    <div className="segmented lang-switch" role="group" aria-label={t('lang.switch')}>
      {LANGS.map(({ lang, label, name }) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          title={name}
          aria-pressed={lang === current}
          className={lang === current ? 'is-on' : undefined}
          onClick={() => setLang(lang)}
          data-testid={`lang-${lang}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
