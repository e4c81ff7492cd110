import { useT } from '../i18n/useT.ts';
import { Brand } from '../components/Brand.tsx';
import { CreateSessionForm } from '../components/CreateSessionForm.tsx';
import { JoinForm } from '../components/JoinForm.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

/** `/` and `/join/<CODE>`: start a meeting, or join one with a code. */
export function StartPage({ initialJoinCode }: { initialJoinCode: string }) {
  const t = useT();
  const joining = initialJoinCode !== '';
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
        <div className={joining ? 'start-cards is-joining' : 'start-cards'}>
          <CreateSessionForm />
          <JoinForm initialCode={initialJoinCode} />
        </div>
        <p className="start-privacy">{t('start.privacy')}</p>
      </main>
    </div>
  );
}
