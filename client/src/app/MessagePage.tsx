import type { ReactNode } from 'react';
import { useT } from '../base/i18n/useT.ts';
import { navigate } from '../base/router.ts';
import { Brand } from '../ui/Brand.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import './MessagePage.css';

interface MessagePageProps {
  title: string;
  text?: string;
  /** Extra actions next to "to the start page". */
  actions?: ReactNode;
  testId?: string;
}

/** A calm full-page message: no access, not joined yet, page not found. */
export function MessagePage({ title, text, actions, testId }: MessagePageProps) {
  const t = useT();
  return (
    <div className="page page-message">
      <header className="topbar">
        <Brand />
        <LanguageSwitch />
      </header>
      <main className="message-card card" data-testid={testId}>
        <h1>{title}</h1>
        {text ? <p>{text}</p> : null}
        <div className="actions">
          {actions}
          <a
            className="button button-primary"
            href="/"
            onClick={(e) => {
              e.preventDefault();
              navigate('/');
            }}
          >
            {t('session.toStart')}
          </a>
        </div>
      </main>
    </div>
  );
}
