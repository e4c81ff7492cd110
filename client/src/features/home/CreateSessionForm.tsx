import { useState, type FormEvent } from 'react';
import { NAME_MAX, TITLE_MAX } from '../../../../shared/api/limits.ts';
import { loadApi } from '../../base/api/load.ts';
import { checkName, checkTitle, cleanName, errorsFromApi, type FieldErrors } from '../../base/forms.ts';
import { saveIdentity, saveViewerUrl } from '../../base/identity.ts';
import { useT } from '../../base/i18n/useT.ts';
import { navigate } from '../../base/router.ts';
import { Field } from '../../ui/Field.tsx';
import { TemplateChoice, type TemplateId } from './TemplateChoice.tsx';

type F = 'title' | 'name';

/**
 * "Nieuwe bijeenkomst starten": title, name and the meeting template (the programme of a
 * network meeting by default), then on to the session as facilitator.
 */
export function CreateSessionForm() {
  const t = useT();
  const [title, setTitle] = useState('');
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<TemplateId>('krachtenveld');
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldErrors<F> = { title: checkTitle(t, title), name: checkName(t, name) };
    setErrors(found);
    if (found.title || found.name) return;
    setBusy(true);
    try {
      const api = await loadApi();
      const res = await api.createSession({ title: cleanName(title), facilitatorName: cleanName(name), template });
      saveIdentity(res.sessionId, {
        token: res.facilitatorToken,
        role: 'facilitator',
        participantId: '',
        name: cleanName(name),
      });
      saveViewerUrl(res.sessionId, res.viewerUrl);
      const target = new URL(res.facilitatorUrl, location.href);
      // Same origin: we already hold the token, so the address never has to show it.
      if (target.origin === location.origin) navigate(target.pathname);
      else location.assign(target.href);
    } catch (err) {
      setErrors(errorsFromApi(t, err, { title: 'title', facilitatorName: 'name' }));
      setBusy(false);
    }
  }

  return (
    <form className="card start-card card-create" onSubmit={submit} noValidate data-testid="create-form">
      <h2>{t('start.create.title')}</h2>
      <p className="card-text">{t('start.create.text')}</p>
      <Field
        label={t('start.create.sessionTitle')}
        value={title}
        onChange={setTitle}
        error={errors.title}
        placeholder={t('start.create.sessionTitlePlaceholder')}
        maxLength={TITLE_MAX}
        autoComplete="off"
        data-testid="create-title"
      />
      <Field
        label={t('start.create.name')}
        value={name}
        onChange={setName}
        error={errors.name}
        maxLength={NAME_MAX}
        autoComplete="name"
        data-testid="create-name"
      />
      <TemplateChoice value={template} onChange={setTemplate} />
      {errors.form ? (
        <p className="form-error" role="alert" data-testid="create-error">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy} data-testid="create-submit">
        {busy ? t('start.create.busy') : t('start.create.submit')}
      </button>
    </form>
  );
}
