/**
 * The stored identity (client/src/base/identity.ts) is checked by hand, not with zod, so
 * the start page loads no schemas (issue 14). It must take and refuse exactly what the
 * zod schema it replaced took and refused; that schema is kept here as the reference.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseIdentity } from '../../client/src/base/identity.ts';
import { ROLES } from '../../shared/roles.ts';

/** The schema base/identity.ts used before (commit 6cdf654). */
const ZodIdentity = z.object({
  token: z.string().min(1),
  role: z.enum(ROLES),
  participantId: z.string(),
  name: z.string(),
});

const good = { token: 't0k3n', role: 'participant', participantId: 'p1', name: 'Anna' };

const cases: [string, unknown][] = [
  ['a participant', good],
  ['a facilitator right after creating (no participant id yet)', { ...good, role: 'facilitator', participantId: '' }],
  ['a viewer with an empty name', { ...good, role: 'viewer', name: '' }],
  ['extra fields (dropped)', { ...good, extra: 1, nested: { a: 1 } }],
  ['null', null],
  ['a string', 'token'],
  ['a number', 42],
  ['an array', [good]],
  ['an empty object', {}],
  ['an empty token', { ...good, token: '' }],
  ['no token', { role: 'participant', participantId: 'p1', name: 'Anna' }],
  ['a numeric token', { ...good, token: 123 }],
  ['an unknown role', { ...good, role: 'admin' }],
  ['a role in capitals', { ...good, role: 'Facilitator' }],
  ['no role', { token: 't', participantId: 'p1', name: 'Anna' }],
  ['a null participant id', { ...good, participantId: null }],
  ['no participant id', { token: 't', role: 'viewer', name: 'Anna' }],
  ['a numeric name', { ...good, name: 7 }],
  ['no name', { token: 't', role: 'viewer', participantId: '' }],
  [
    'a role inherited, not own',
    Object.assign(Object.create({ role: 'viewer' }) as object, { token: 't', participantId: '', name: '' }),
  ],
];

describe('parseIdentity', () => {
  it.each(cases)('agrees with the zod schema it replaced: %s', (_label, value) => {
    const expected = ZodIdentity.safeParse(value);
    expect(parseIdentity(value)).toEqual(expected.success ? expected.data : null);
  });

  it('takes a stored identity and refuses the broken ones', () => {
    expect(parseIdentity(good)).toEqual(good);
    expect(parseIdentity({ ...good, extra: 1 })).toEqual(good);
    for (const bad of [null, [good], { ...good, token: '' }, { ...good, role: 'admin' }, { ...good, name: 7 }]) {
      expect(parseIdentity(bad)).toBeNull();
    }
  });

  it('reads what JSON.parse gives from storage', () => {
    expect(parseIdentity(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(
      parseIdentity(JSON.parse('{"token":"t","role":"viewer","participantId":"","name":"","__proto__":{"x":1}}')),
    ).toEqual({
      token: 't',
      role: 'viewer',
      participantId: '',
      name: '',
    });
  });
});
