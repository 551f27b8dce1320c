import { describe, expect, it } from 'vitest';
import { ACTIONS, AUDIENCES, RELATIONS, isAllowed, type Action, type Audience, type Relation } from './rules.ts';

/**
 * The expected table, written out from design.md's "Visibility rules" independently of the
 * implementation's data, and checked for every relation × audience × action.
 */
const expected: Record<Audience, Partial<Record<Relation, Action[]>>> = {
  private: { owner: ['read', 'create', 'update', 'delete'] },
  'partner-shared': { owner: ['read', 'create', 'update', 'delete'], partner: ['read'] },
  couple: { owner: ['read', 'create', 'update', 'delete'], partner: ['read'], 'former-partner': ['read'] },
  'therapist-shared': { owner: ['read', 'create', 'update', 'delete'], 'therapist-with-share': ['read'] },
  booking: { owner: ['read', 'create', 'update', 'delete'], 'booking-link': ['read', 'update'], 'practice-therapist': ['read', 'update'], 'practice-owner': ['read'] },
};

describe('visibility rules', () => {
  for (const audience of AUDIENCES) {
    for (const relation of RELATIONS) {
      for (const action of ACTIONS) {
        const allowed = expected[audience][relation]?.includes(action) ?? false;
        it(`${audience}: ${relation} ${allowed ? 'may' : 'may not'} ${action}`, () => {
          expect(isAllowed(relation, audience, action)).toBe(allowed);
        });
      }
    }
  }

  it('never lets the signed-out, strangers or other practices see anything', () => {
    for (const audience of AUDIENCES) {
      for (const relation of ['anonymous', 'stranger', 'other-practice-therapist', 'therapist-without-share'] as const) {
        for (const action of ACTIONS) expect(isAllowed(relation, audience, action)).toBe(false);
      }
    }
  });
});
