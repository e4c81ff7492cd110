/**
 * The lengths the API takes for names and titles, as plain numbers (no schemas), so the
 * start page's forms can check them without loading the API's schemas (issue 14).
 * names.ts builds its schemas on them and re-exports them.
 */
import { GROUP_NAME_MAX, PERSON_NAME_MAX, TITLE_MAX } from '../names.ts';

export { TITLE_MAX, GROUP_NAME_MAX };
/** A person's name: {@link PERSON_NAME_MAX} code points. */
export const NAME_MAX = PERSON_NAME_MAX;
