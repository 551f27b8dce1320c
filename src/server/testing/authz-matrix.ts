/**
 * Authorization matrix (issue 9, item 5): the pure parts. docs/authorization.md holds the expected
 * outcome of every operation for every kind of actor, written from design.md's visibility rules;
 * this module parses it, maps OpenAPI paths to the kind of item their parameters name, and
 * classifies an answer's status. The runner is src/server/authz-matrix.int.test.ts.
 */
export const ACTORS = ['self', 'partner', 'former', 'stranger', 'therapist-shared', 'therapist-unshared', 'other-practice', 'owner', 'signed-out'] as const;
export type ActorKind = (typeof ACTORS)[number];
export const OUTCOMES = ['allow', 'deny', 'forbidden', 'conflict', 'unauth', 'n/a'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Cell {
  outcome: Outcome;
  /** For n/a: why the actor cannot be set up. */
  reason?: string;
}
export interface Row {
  /** "GET /api/v1/journal/entries/{id}" */
  operation: string;
  feature: string;
  cells: Record<ActorKind, Cell>;
}

const HEADER = ['operation', ...ACTORS];

/** Every row of every table under a "## feature" heading. Throws on a malformed table. */
export function parsePolicyTable(markdown: string): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  let feature = '';
  let inTable = false;
  for (const [i, raw] of markdown.split('\n').entries()) {
    const line = raw.trim();
    const heading = /^##\s+(.+)$/.exec(line);
    if (heading) {
      feature = heading[1]!.trim();
      inTable = false;
      continue;
    }
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    const cols = line.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
    if (!inTable) {
      if (cols.join('|') !== HEADER.join('|')) throw new Error(`line ${i + 1}: table header must be "${HEADER.join(' | ')}"`);
      inTable = true;
      continue;
    }
    if (cols.every((c) => /^:?-+:?$/.test(c))) continue;
    if (cols.length !== HEADER.length) throw new Error(`line ${i + 1}: expected ${HEADER.length} columns, got ${cols.length}`);
    const operation = cols[0]!.replace(/`/g, '').trim();
    if (!/^(GET|POST|PUT|PATCH|DELETE) \/\S+$/.test(operation)) throw new Error(`line ${i + 1}: bad operation "${operation}"`);
    if (seen.has(operation)) throw new Error(`line ${i + 1}: ${operation} has two rows`);
    seen.add(operation);
    const cells = {} as Record<ActorKind, Cell>;
    ACTORS.forEach((actor, k) => {
      const text = cols[k + 1]!;
      const m = /^(allow|deny|forbidden|conflict|unauth|n\/a)(?:\s*\((.+)\))?$/.exec(text);
      if (!m) throw new Error(`line ${i + 1}: ${operation} / ${actor}: unknown outcome "${text}"`);
      const outcome = m[1] as Outcome;
      if (outcome === 'n/a' && !m[2]) throw new Error(`line ${i + 1}: ${operation} / ${actor}: n/a needs a reason in parentheses`);
      cells[actor] = m[2] ? { outcome, reason: m[2].trim() } : { outcome };
    });
    rows.push({ operation, feature, cells });
  }
  return rows;
}

/** The outcome class of a status: 2xx allow, 404 deny, 403 forbidden, 409 conflict, 401 unauth; anything else is not an authorization answer. */
export function classify(status: number): Outcome | 'other' {
  if (status >= 200 && status < 300) return 'allow';
  if (status === 404) return 'deny';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'conflict';
  if (status === 401) return 'unauth';
  return 'other';
}

/**
 * The kind of fixture item an operation's path parameters name, by operation ("POST /api/v1/…/{id}/share")
 * or, failing that, by path. The runner has one maker per kind; an operation with path parameters and
 * no kind here fails the run.
 */
export const ITEM_KINDS: Record<string, string> = {
  '/api/v1/journal/entries/{id}': 'journal-entry',
  '/api/v1/journal/entries/{id}/therapy': 'journal-entry',
  'POST /api/v1/journal/entries/{id}/share': 'journal-entry',
  'DELETE /api/v1/journal/entries/{id}/share': 'shared-journal-entry',
  '/api/v1/urges/{id}': 'urge',
  '/api/v1/origins/versions/{id}': 'origins-version',
  '/api/v1/self-worth/{id}': 'self-worth',
  '/api/v1/instruments/{id}': 'instrument',
  '/api/v1/assessments/{id}': 'assessment',
  '/api/v1/couple/archive/{coupleId}/mine': 'former-couple',
  '/api/v1/commitments/{id}/renegotiate': 'commitment',
  '/api/v1/commitments/{id}/end': 'commitment',
  '/api/v1/commitments/{id}/occurrences/{day}': 'commitment-occurrence',
  '/api/v1/agreements/{id}': 'agreement',
  '/api/v1/agreements/{id}/versions': 'agreement',
  '/api/v1/agreements/{id}/versions/{number}/accept': 'agreement-version',
  '/api/v1/boundaries/{id}': 'boundary',
  '/api/v1/repairs/{id}': 'repair',
  '/api/v1/activity-plans/{id}/done': 'activity-plan',
  '/api/v1/activity-plans/{id}/reflection': 'done-activity-plan',
  '/api/v1/conversations/{id}': 'conversation',
  '/api/v1/conversations/{id}/checklist': 'conversation',
  '/api/v1/conversations/{id}/leave': 'conversation',
  '/api/v1/conversations/{id}/turns': 'conversation-in-turns',
  '/api/v1/conversations/{id}/pause': 'conversation-in-turns',
  '/api/v1/conversations/{id}/close': 'conversation-in-turns',
  '/api/v1/conversations/{id}/ready': 'conversation-paused',
  '/api/v1/conversations/{id}/finish': 'conversation-closing',
  '/api/v1/apologies/{id}': 'apology',
  '/api/v1/apologies/{id}/send': 'apology',
  '/api/v1/apologies/{id}/commitment': 'apology',
  '/api/v1/notifications/push-subscriptions/{id}': 'push-subscription',
  '/api/v1/practices/{id}/session-types/{kind}': 'practice-session-type',
  '/api/v1/practices/{id}/therapists': 'practice',
  '/api/v1/public/practices/{slug}': 'practice-slug',
  '/api/v1/public/practices/{slug}/therapists': 'practice-slug',
  '/api/v1/public/practices/{slug}/bookings': 'practice-slug',
  '/api/v1/public/practices/{slug}/therapists/{id}/slots': 'practice-therapist',
  '/api/v1/public/bookings/{token}': 'booking-token',
  '/api/v1/public/bookings/{token}/calendar.ics': 'booking-token',
  '/api/v1/public/bookings/{token}/cancel': 'booking-token',
  '/api/v1/public/bookings/{token}/reschedule': 'booking-token',
  '/api/v1/public/bookings/{token}/link': 'booking-token',
  '/api/v1/practice/bookings/{id}/decision': 'booking-request',
  '/api/v1/practice/clients/{linkId}': 'client-link',
  '/api/v1/practice/clients/{linkId}/summary': 'client-link',
  '/api/v1/practice/clients/{linkId}/homework': 'client-link',
  '/api/v1/care/links/{id}/grants/{category}': 'care-grant',
  '/api/v1/care/links/{id}/end': 'care-link',
  '/api/v1/care/homework/{id}/complete': 'homework',
};

/** The item kind for an operation ("GET /api/v1/…"), or undefined when none is mapped. */
export const itemKindOf = (operation: string): string | undefined => ITEM_KINDS[operation] ?? ITEM_KINDS[operation.slice(operation.indexOf(' ') + 1)];

/** The first "id" in an answer: top level, else in a nested object ({ entry: { id } }). */
export function idIn(json: unknown): string | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const o = json as Record<string, unknown>;
  if (typeof o.id === 'string') return o.id;
  for (const v of Object.values(o)) if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string') return (v as { id: string }).id;
  return undefined;
}

/** Params in an OpenAPI path ("{id}"). */
export const pathParamsOf = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

/** Differences between the document's operations and the table's rows. */
export function coverage(operations: string[], rows: Row[]): { missing: string[]; stale: string[] } {
  const inDoc = new Set(operations);
  const inTable = new Set(rows.map((r) => r.operation));
  return { missing: operations.filter((o) => !inTable.has(o)), stale: [...inTable].filter((o) => !inDoc.has(o)) };
}
