import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { instrumentSchema } from './definition.ts';
import { INSTRUMENT_FILES, INSTRUMENTS, instrumentById, loadInstrument } from './registry.ts';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content/instruments');
const files = fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort();

describe('content/instruments', () => {
  it('registers every file in the folder, and nothing else', () => {
    expect(Object.keys(INSTRUMENT_FILES).sort()).toEqual(files);
    expect(INSTRUMENTS.map((i) => i.id).sort()).toEqual(['csi-4', 'ecr-rs', 'trust-pulse', 'trust-signs']);
  });

  for (const file of files) {
    it(`${file} validates against the instrument schema`, () => {
      const data: unknown = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
      const parsed = instrumentSchema.safeParse(data);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(loadInstrument(file, data).id).toBe(file.replace(/\.json$/, ''));
    });
  }

  it('refuses a file whose id does not match its name, naming the file', () => {
    expect(() => loadInstrument('other.json', INSTRUMENT_FILES['csi-4.json'])).toThrow(/other\.json/);
    expect(() => loadInstrument('broken.json', { id: 'broken' })).toThrow(/content\/instruments\/broken\.json: /);
  });

  it('uses the published ECR-RS items, with items 1–4 reverse-keyed', () => {
    const ecr = instrumentById('ecr-rs')!;
    expect(ecr.items).toHaveLength(9);
    expect(ecr.items.map((i) => i.reverseKeyed === true)).toEqual([true, true, true, true, false, false, false, false, false]);
    expect(ecr.items[0]!.text).toBe('It helps to turn to this person in times of need.');
    expect(ecr.notes).toMatch(/them/);
    expect(ecr.licence).toMatch(/non-commercial/);
    expect(ecr.citation).toMatch(/Fraley.*2011/);
  });

  it('uses the CSI-4 items and scales: item 1 on 0–6, the others on 0–5', () => {
    const csi = instrumentById('csi-4')!;
    expect(csi.items.map((i) => (i.scale ?? csi.scale).max)).toEqual([6, 5, 5, 5]);
    expect(csi.items[0]!.scale!.labels['0']).toBe('Extremely unhappy');
    expect(csi.items[0]!.scale!.labels['6']).toBe('Perfect');
    expect(csi.citation).toMatch(/Funk.*Rogge.*2007/);
  });

  it('marks only the published scales as validated', () => {
    expect(Object.fromEntries(INSTRUMENTS.map((i) => [i.id, i.validated]))).toEqual({ 'ecr-rs': true, 'csi-4': true, 'trust-pulse': false, 'trust-signs': false });
  });

  it('never uses diagnostic words in band texts', () => {
    const diagnostic = /\b(disorder|diagnos\w*|patholog\w*|you are (distressed|anxious|avoidant|insecure)|insecurely attached)\b/i;
    for (const i of INSTRUMENTS) for (const s of i.subscales) for (const b of s.bands) expect(b.text, `${i.id}/${s.id}/${b.key}`).not.toMatch(diagnostic);
  });
});
