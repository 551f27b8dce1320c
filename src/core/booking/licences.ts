/**
 * Who may see whom: a therapist sees a client only where they hold a current licence for the
 * state the client will be in during sessions, and only the kinds of client they see.
 */
export const APPROACHES = ['gottman', 'eft', 'ifs', 'cbt', 'act', 'psychodynamic', 'other'] as const;
export type Approach = (typeof APPROACHES)[number];

export interface Licence {
  state: string;
  number?: string;
  /** YYYY-MM-DD, the last day it is valid. */
  expiresOn: string;
}

/** Current through its expiry day, inclusive. Dates compare as strings (YYYY-MM-DD). */
export function isLicenceCurrent(licence: Licence, onDate: string): boolean {
  return licence.expiresOn >= onDate;
}

export interface TherapistFacts {
  licences: readonly Licence[];
  seesIndividuals: boolean;
  seesCouples: boolean;
  approaches: readonly string[];
}

export interface MatchQuery {
  state: string;
  kind: 'individual' | 'couple';
  approach?: string;
  /** Today, YYYY-MM-DD. */
  onDate: string;
}

export function therapistMatches(t: TherapistFacts, q: MatchQuery): boolean {
  if (q.kind === 'individual' ? !t.seesIndividuals : !t.seesCouples) return false;
  if (q.approach && !t.approaches.includes(q.approach)) return false;
  return t.licences.some((l) => l.state === q.state && isLicenceCurrent(l, q.onDate));
}
