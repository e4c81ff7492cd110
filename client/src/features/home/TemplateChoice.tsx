import type { ReactNode } from 'react';
import type { CreateSessionRequest } from '../../../../shared/api.ts';
import { homeTexts, type HomeKey } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './TemplateChoice.css';

export type TemplateId = NonNullable<CreateSessionRequest['template']>;

// The phases of shared/model/templates/meetingTemplates.ts, in short; that module is not
// imported here because it brings the doc model (Yjs) into the light start page.
const KRACHTENVELD_PHASES: HomeKey[] = [
  'template.phase.theory',
  'template.phase.round',
  'template.phase.groups',
  'template.phase.plenary',
  'template.phase.tips',
  'template.phase.evaluation',
];

/** "Programma": start from the meeting of seed 003, or from an empty session. */
export function TemplateChoice({ value, onChange }: { value: TemplateId; onChange: (id: TemplateId) => void }) {
  const t = useT(homeTexts);
  return (
    <fieldset className="template-choice" data-testid="create-template">
      <legend>{t('template.legend')}</legend>
      <TemplateOption id="krachtenveld" value={value} onChange={onChange} name={t('template.krachtenveld')}>
        <span className="template-text">{t('template.krachtenveldText')}</span>
        <ol className="template-phases">
          {KRACHTENVELD_PHASES.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
        <span className="template-text">{t('template.editable')}</span>
      </TemplateOption>
      <TemplateOption id="blank" value={value} onChange={onChange} name={t('template.blank')}>
        <span className="template-text">{t('template.blankText')}</span>
      </TemplateOption>
    </fieldset>
  );
}

interface TemplateOptionProps {
  id: TemplateId;
  /** The template chosen now. */
  value: TemplateId;
  onChange: (id: TemplateId) => void;
  name: string;
  /** What the template holds, under its name. */
  children: ReactNode;
}

/** One template: a radio button with its name and description. */
function TemplateOption({ id, value, onChange, name, children }: TemplateOptionProps) {
  return (
    <label className={value === id ? 'template-option is-selected' : 'template-option'}>
      <input
        type="radio"
        name="template"
        value={id}
        checked={value === id}
        onChange={() => onChange(id)}
        data-testid={`create-template-${id}`}
      />
      <span className="template-body">
        <span className="template-name">{name}</span>
        {children}
      </span>
    </label>
  );
}
