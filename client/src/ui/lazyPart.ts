/**
 * A part of a page that its first view does not need (issue 14): a dialog's button, a
 * menu, a facilitator's panel. A feature's `index.ts` exports it under the component's
 * own name, so the importers do not change:
 *
 *     export const ReportButton = lazyPart(() => import('./ReportDialog.tsx').then((m) => m.ReportButton));
 *
 * Its module loads after the first view is on screen (`base/firstView.ts`), and it
 * renders nothing until then; once loaded it renders at once wherever it is used. If the
 * module fails to load (offline), the part stays away and the next mount tries again.
 */
import { createElement, useEffect, useState, type ComponentType } from 'react';
import { afterFirstView } from '../base/firstView.ts';

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const get = () =>
    (loading ??= afterFirstView()
      .then(load)
      .then(
        (component) => (loaded = component),
        (err: unknown) => {
          loading = null;
          throw err;
        },
      ));

  function LazyPart(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (component) return;
      let live = true;
      get().then(
        (c) => {
          if (live) setComponent(() => c);
        },
        (err: unknown) => console.error('A part of the page did not load', err),
      );
      return () => {
        live = false;
      };
    }, [component]);
    return component ? createElement(component, props) : null;
  }
  return LazyPart;
}
