/**
 * What the compare views share around their CompareField: the krachtenveld's axis and
 * quadrant names in the reader's language, and which actor is lit up (the one pointed
 * at, else the one chosen: a click chooses, a second click lets go), on the field and in
 * the lists beside it.
 */
import { useState } from 'react';
import { displayAxes } from '../../../../shared/methods/labels.ts';
import { DEFAULT_AXES, type BoardSettings } from '../../../../shared/model/board/actorSchema.ts';
import { useLang, useT } from '../../base/i18n/useT.ts';
import { methodsTexts } from '../methods/i18n.ts';

/** `axisLabels`: the board's own axis names, if it has any. */
export function useCompareField(axisLabels: BoardSettings['axes'] | undefined) {
  const mt = useT(methodsTexts);
  const lang = useLang();
  const [hovered, setHovered] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const axes = displayAxes(axisLabels ?? DEFAULT_AXES, lang);
  const quadrants = { tr: mt('kv.q.tr'), tl: mt('kv.q.tl'), br: mt('kv.q.br'), bl: mt('kv.q.bl') };
  const highlight = hovered ?? selected;
  const toggle = (key: string) => setSelected((s) => (s === key ? null : key));
  /** Pointing at an entry of a list lights its actor up on the field. */
  const hoverProps = (key: string) => ({
    onMouseEnter: () => setHovered(key),
    onMouseLeave: () => setHovered(null),
  });
  return {
    axes,
    highlight,
    selected,
    toggle,
    hoverProps,
    /** The field's part: `<CompareField {...fieldProps} …/>`. */
    fieldProps: { axes, quadrants, highlight, onHover: setHovered, onSelect: toggle },
  };
}
