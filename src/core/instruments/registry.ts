/**
 * The instruments Trellis offers, loaded from `content/instruments/*.json` and validated once at
 * import (a malformed file stops the process with the file and path named). The order here is
 * the order of the list of check-ups.
 *
 * @example
 *   instrumentById('csi-4')?.items.length   // 4
 */
import csi4 from '../../../content/instruments/csi-4.json' with { type: 'json' };
import ecrRs from '../../../content/instruments/ecr-rs.json' with { type: 'json' };
import trustPulse from '../../../content/instruments/trust-pulse.json' with { type: 'json' };
import trustSigns from '../../../content/instruments/trust-signs.json' with { type: 'json' };
import { instrumentSchema, type Instrument } from './definition.ts';

/** Parse one content file, naming the file and the path of the first problems. */
export function loadInstrument(file: string, data: unknown): Instrument {
  const parsed = instrumentSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`content/instruments/${file}: ${where}`);
  }
  if (`${parsed.data.id}.json` !== file) throw new Error(`content/instruments/${file}: id "${parsed.data.id}" must match the file name`);
  return parsed.data;
}

/** The raw content files, by file name (the unit test checks this matches the folder). */
export const INSTRUMENT_FILES: Readonly<Record<string, unknown>> = {
  'ecr-rs.json': ecrRs,
  'csi-4.json': csi4,
  'trust-pulse.json': trustPulse,
  'trust-signs.json': trustSigns,
};

export const INSTRUMENTS: readonly Instrument[] = Object.freeze(Object.entries(INSTRUMENT_FILES).map(([file, data]) => loadInstrument(file, data)));

const BY_ID = new Map(INSTRUMENTS.map((i) => [i.id, i]));

export function instrumentById(id: string): Instrument | undefined {
  return BY_ID.get(id);
}
