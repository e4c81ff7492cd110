/** All actors in one table, every field editable in place (the panel's table mode). */
import type { Actor } from '../../../../shared/model/board/actorSchema.ts';
import { useMethods } from './context.ts';
import { ActorInput, EnumSelect, TypeBadge } from './fields.tsx';
import { actorFill } from '../../../../shared/methods/palette.ts';
import { ENUM_FIELD_NAMES, ENUM_FIELDS } from './enumFields.ts';
import './controls.css';
import './ActorsTable.css';
import './actors.css';

export function ActorsTable({ actors }: { actors: readonly Actor[] }) {
  const { data, editable, t, select, requestDeleteActor } = useMethods();
  return (
    <div className="mw-table-wrap">
      <table className="mw-table" data-testid="actors-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('field.color')}</span>
            </th>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('field.organisation')}</th>
            {ENUM_FIELD_NAMES.map((f) => (
              <th scope="col" key={f}>
                {t(ENUM_FIELDS[f].label)}
              </th>
            ))}
            <th scope="col">{t('field.type')}</th>
            {editable ? (
              <th scope="col">
                <span className="visually-hidden">{t('field.delete')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {actors.map((a) => (
            <tr key={a.id} data-testid="actor-row" data-actor-id={a.id}>
              <td>
                <button
                  type="button"
                  className="mw-dot-button"
                  title={a.name}
                  onClick={() => select(a.id)}
                  style={{ background: actorFill(a, data.settings.colorBy) }}
                >
                  <span className="visually-hidden">{a.name}</span>
                </button>
              </td>
              <td>
                <ActorInput actor={a} field="name" label={t('field.name')} testId="row-name" />
              </td>
              <td>
                <ActorInput actor={a} field="organisation" label={t('field.organisation')} />
              </td>
              {ENUM_FIELD_NAMES.map((f) => (
                <td key={f}>
                  <EnumSelect actor={a} field={f} compact />
                </td>
              ))}
              <td>
                <TypeBadge actor={a} />
              </td>
              {editable ? (
                <td>
                  <button
                    type="button"
                    className="mw-x"
                    aria-label={`${t('field.delete')}: ${a.name}`}
                    title={t('field.delete')}
                    onClick={() => requestDeleteActor(a.id)}
                  >
                    ×
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
