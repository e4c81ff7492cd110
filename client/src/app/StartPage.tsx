import { useEffect } from 'react';
import { preloadApiWhenIdle } from '../base/api/load.ts';
import { useT } from '../base/i18n/useT.ts';
import { Brand } from '../ui/Brand.tsx';
import { CreateSessionForm } from '../features/home/index.ts';
import { JoinForm } from '../features/home/index.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { MySessions } from '../features/home/index.ts';
import { SessionImport } from '../features/io/index.ts';
import './StartPage.css';

/**
 * `/` and `/join/<CODE>`: start a meeting, or join one with a code. A facilitator also
 * finds the meetings this browser knows ("Mijn bijeenkomsten"): first on `/`, after the
 * forms on a join link (there you came to join).
 */
export function StartPage({ initialJoinCode }: { initialJoinCode: string }) {
  const t = useT();
  const joining = initialJoinCode !== '';
  // The forms load the API client (and its schemas) at their first call; fetch it once the
  // page has painted, so a submit does not wait for it (issue 14).
  useEffect(preloadApiWhenIdle, []);
  return (
    <div className="page page-start">
      <header className="topbar">
        <Brand />
        <LanguageSwitch />
      </header>
      <main className="start-main">
        <section className="start-intro">
          <h1>{t('start.lead')}</h1>
          <p>{t('start.intro')}</p>
        </section>
        {joining ? null : <MySessions />}
        <div className={joining ? 'start-cards is-joining' : 'start-cards'}>
          <CreateSessionForm />
          <JoinForm initialCode={initialJoinCode} />
        </div>
        {joining ? <MySessions /> : null}
        {joining ? null : <SessionImport />}
        <p className="start-privacy">{t('start.privacy')}</p>
      </main>
    </div>
  );
}
