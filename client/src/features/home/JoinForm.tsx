import { useState, type FormEvent } from 'react';
import { JoinRefusal } from '../../../../shared/api/joinCode.ts';
import { NAME_MAX } from '../../../../shared/api/limits.ts';
import { ApiRequestError } from '../../base/api/errors.ts';
import { loadApi } from '../../base/api/load.ts';
import {
  checkJoinCode,
  checkName,
  cleanName,
  errorsFromApi,
  formatJoinCodeInput,
  type FieldErrors,
} from '../../base/forms.ts';
import { saveIdentity } from '../../base/identity.ts';
import { useT } from '../../base/i18n/useT.ts';
import { navigate } from '../../base/router.ts';
import { Field } from '../../ui/Field.tsx';
import { joiningTexts } from '../invite/i18n.ts';
import './JoinForm.css';

type F = 'code' | 'name';

/** "Deelnemen": join code and name, then on to the session as participant. */
export function JoinForm({ initialCode }: { initialCode: string }) {
  const t = useT();
  const jt = useT(joiningTexts);
  const [code, setCode] = useState(() => formatJoinCodeInput(initialCode));
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldErrors<F> = { code: checkJoinCode(t, code), name: checkName(t, name) };
    setErrors(found);
    if (found.code || found.name) return;
    setBusy(true);
    try {
      const res = await (await loadApi()).joinSession({ joinCode: code, name: cleanName(name) });
      saveIdentity(res.sessionId, {
        token: res.token,
        role: 'participant',
        participantId: res.participantId,
        name: cleanName(name),
      });
      navigate(`/s/${encodeURIComponent(res.sessionId)}`);
    } catch (err) {
      // A real code that does not let people in now (issue 11): say why, in the user's words.
      const refusal = err instanceof ApiRequestError ? err.code : null;
      if (refusal === JoinRefusal.closed) setErrors({ code: jt('joinClosed') });
      else if (refusal === JoinRefusal.expired) setErrors({ code: jt('joinExpired') });
      else setErrors(errorsFromApi(t, err, { joinCode: 'code', name: 'name' }, 'code'));
      setBusy(false);
    }
  }

  return (
    <form className="card start-card card-join" onSubmit={submit} noValidate data-testid="join-form">
      <h2>{t('start.join.title')}</h2>
      <p className="card-text">{t('start.join.text')}</p>
      <Field
        label={t('start.join.code')}
        value={code}
        onChange={(v) => setCode(formatJoinCodeInput(v))}
        error={errors.code}
        placeholder="ABC-DEF"
        inputClassName="input-code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        enterKeyHint="next"
        data-testid="join-code"
      />
      <Field
        label={t('start.join.name')}
        value={name}
        onChange={setName}
        error={errors.name}
        hint={t('start.join.nameHint')}
        maxLength={NAME_MAX}
        autoComplete="name"
        autoFocus={initialCode !== ''}
        enterKeyHint="go"
        data-testid="join-name"
      />
      {errors.form ? (
        <p className="form-error" role="alert" data-testid="join-error">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy} data-testid="join-submit">
        {busy ? t('start.join.busy') : t('start.join.submit')}
      </button>
    </form>
  );
}
