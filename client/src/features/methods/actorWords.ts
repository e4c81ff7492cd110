/**
 * The krachtenveld in words for the screen reader (issue 12): each actor's place on the
 * three axes as the verslag says it ("GGD: veel invloed, houding voor, groot belang"),
 * for the accessible mirror of the field, and what changed between two snapshots, for
 * the live region. Pure: the snapshots come from the model's readers (shared/model).
 */
import type { MethodsSnapshot } from '../../../../shared/model/board/actors.ts';
import { placeInWords } from '../../../../shared/report/words.ts';
import type { Change } from '../../ui/LiveRegion.tsx';
import type { MethodsTranslate } from './i18n.ts';

type Lang = 'nl' | 'en';

export interface MirrorEntry {
  id: string;
  text: string;
}

const nameOf = (t: MethodsTranslate, name: string) => name || t('actors.unnamed');

/** "veel invloed, houding voor, groot belang", or null when not on the field. */
export function actorPlace(lang: Lang, snapshot: MethodsSnapshot, id: string): string | null {
  const a = snapshot.actorsById.get(id);
  return a ? placeInWords(lang, snapshot.settings.axes, a) : null;
}

/** One line per actor: name and place, or "not placed yet". */
export function actorEntries(lang: Lang, t: MethodsTranslate, snapshot: MethodsSnapshot): MirrorEntry[] {
  return snapshot.actors.map((a) => {
    const words = placeInWords(lang, snapshot.settings.axes, a);
    const name = nameOf(t, a.name);
    return { id: a.id, text: words ? `${name}: ${words}` : `${name}: ${t('actors.notPlaced')}` };
  });
}

/** What changed in the field between two snapshots, in words: added, placed, moved (a new word only), back, removed, related. */
export function actorChanges(lang: Lang, t: MethodsTranslate, prev: MethodsSnapshot, next: MethodsSnapshot): Change[] {
  const changes: Change[] = [];
  for (const a of next.actors) {
    const name = nameOf(t, a.name);
    const before = prev.actorsById.get(a.id);
    const now = placeInWords(lang, next.settings.axes, a);
    if (!before) {
      changes.push({ key: a.id, text: now ? t('a11y.addedPlaced', { name, words: now }) : t('a11y.added', { name }) });
      continue;
    }
    const was = placeInWords(lang, prev.settings.axes, before);
    if (now === was) continue;
    if (now === null) changes.push({ key: a.id, text: t('a11y.toTray', { name }) });
    else if (was === null) changes.push({ key: a.id, text: t('a11y.placed', { name, words: now }) });
    else changes.push({ key: a.id, text: t('a11y.moved', { name, words: now }) });
  }
  for (const a of prev.actors) {
    if (!next.actorsById.has(a.id)) changes.push({ key: a.id, text: t('a11y.removed', { name: nameOf(t, a.name) }) });
  }
  const known = new Set(prev.relations.map((r) => r.id));
  for (const r of next.relations) {
    if (known.has(r.id)) continue;
    const from = nameOf(t, next.actorsById.get(r.from)?.name ?? '');
    const to = nameOf(t, next.actorsById.get(r.to)?.name ?? '');
    changes.push({ key: r.id, text: t('a11y.related', { from, to }) });
  }
  return changes;
}
