import { describe, expect, it } from 'vitest';
import { ACTORS, classify, coverage, idIn, itemKindOf, parsePolicyTable, pathParamsOf } from './authz-matrix.ts';

const header = `| operation | ${ACTORS.join(' | ')} |\n|${'---|'.repeat(ACTORS.length + 1)}`;
const row = (op: string, cells: string[]) => `| ${op} | ${cells.join(' | ')} |`;

describe('parsePolicyTable', () => {
  it('reads rows under feature headings, with n/a reasons', () => {
    const md = `# t\n\n## journal\n\ntext\n\n${header}\n${row('GET /api/v1/x/{id}', ['allow', 'deny', 'n/a (never linked)', 'deny', 'deny', 'deny', 'deny', 'forbidden', 'unauth'])}\n`;
    const rows = parsePolicyTable(md);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.feature).toBe('journal');
    expect(rows[0]!.operation).toBe('GET /api/v1/x/{id}');
    expect(rows[0]!.cells.self).toEqual({ outcome: 'allow' });
    expect(rows[0]!.cells.former).toEqual({ outcome: 'n/a', reason: 'never linked' });
    expect(rows[0]!.cells.owner.outcome).toBe('forbidden');
    expect(rows[0]!.cells['signed-out'].outcome).toBe('unauth');
  });
  it('rejects a bad header, unknown outcomes, n/a without a reason, short rows and duplicates', () => {
    const ok = ['allow', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'unauth'];
    expect(() => parsePolicyTable(`| operation | self |\n|---|---|\n| GET /api/v1/x | allow |`)).toThrow(/header/);
    expect(() => parsePolicyTable(`${header}\n${row('GET /api/v1/x', ['maybe', ...ok.slice(1)])}`)).toThrow(/unknown outcome/);
    expect(() => parsePolicyTable(`${header}\n${row('GET /api/v1/x', ['n/a', ...ok.slice(1)])}`)).toThrow(/reason/);
    expect(() => parsePolicyTable(`${header}\n${row('GET /api/v1/x', ok.slice(1))}`)).toThrow(/columns/);
    expect(() => parsePolicyTable(`${header}\n${row('GET /api/v1/x', ok)}\n${row('GET /api/v1/x', ok)}`)).toThrow(/two rows/);
    expect(() => parsePolicyTable(`${header}\n${row('FETCH x', ok)}`)).toThrow(/bad operation/);
  });
});

describe('classify', () => {
  it('maps statuses to outcome classes', () => {
    expect([200, 201, 204, 404, 403, 409, 401, 400, 422, 500].map(classify)).toEqual(['allow', 'allow', 'allow', 'deny', 'forbidden', 'conflict', 'unauth', 'other', 'other', 'other']);
  });
});

describe('coverage and params', () => {
  it('lists operations without rows and rows without operations', () => {
    const rows = parsePolicyTable(`${header}\n${row('GET /api/v1/a', ['allow', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'unauth'])}`);
    expect(coverage(['GET /api/v1/b'], rows)).toEqual({ missing: ['GET /api/v1/b'], stale: ['GET /api/v1/a'] });
    expect(pathParamsOf('/api/v1/x/{id}/y/{day}')).toEqual(['id', 'day']);
  });
});

describe('itemKindOf and idIn', () => {
  it('prefers the operation over the path, and falls back to the path', () => {
    expect(itemKindOf('POST /api/v1/journal/entries/{id}/share')).toBe('journal-entry');
    expect(itemKindOf('DELETE /api/v1/journal/entries/{id}/share')).toBe('shared-journal-entry');
    expect(itemKindOf('PATCH /api/v1/urges/{id}')).toBe('urge');
    expect(itemKindOf('GET /api/v1/nowhere/{id}')).toBeUndefined();
  });
  it('finds an id at the top or one level down, and nothing in lists or scalars', () => {
    expect(idIn({ id: 'a', item: { id: 'b' } })).toBe('a');
    expect(idIn({ screening: null, entry: { id: 'b' } })).toBe('b');
    expect(idIn({ items: [{ id: 'c' }] })).toBeUndefined();
    expect(idIn('id')).toBeUndefined();
  });
});
