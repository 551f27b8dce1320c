/**
 * What an instrument (a self-assessment, shown as a "check-up") is: DATA in
 * `content/instruments/<id>.json`, validated by `instrumentSchema` when it is loaded. One scorer
 * (score.ts) serves every instrument, so adding a check-up means adding a file, not code.
 *
 * Consistency rules checked at load, beyond the shape:
 * - item ids are unique; every subscale names existing items, each at most once;
 * - each scale point from min to max has a label;
 * - a subscale's declared range equals what its method gives over its items' scales;
 * - a subscale's bands are in order, touch end to end, and cover its range exactly.
 *
 * @example
 *   const instrument = instrumentSchema.parse(json);
 *   instrument.subscales[0].bands[0].key   // 'lower'
 */
import { z } from 'zod';

const idPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ident = z.string().regex(idPattern, 'Use lower-case letters, digits and dashes.');
const words = z.string().trim().min(1).max(2000);

export const scaleSchema = z
  .object({
    min: z.number().int(),
    max: z.number().int(),
    /** One label per point, keyed by the point's value ("0" … "6"). */
    labels: z.record(z.string().regex(/^-?\d+$/), words),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.max <= s.min) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be above min' });
    for (let v = s.min; v <= s.max; v++) if (!s.labels[String(v)]) ctx.addIssue({ code: 'custom', path: ['labels', String(v)], message: `no label for ${v}` });
    for (const k of Object.keys(s.labels)) if (Number(k) < s.min || Number(k) > s.max) ctx.addIssue({ code: 'custom', path: ['labels', k], message: 'label outside the scale' });
  });

export const itemSchema = z
  .object({
    id: ident,
    text: words,
    /** Scored as min + max − answer. */
    reverseKeyed: z.boolean().optional(),
    /** This item's own response scale, when it differs from the instrument's. */
    scale: scaleSchema.optional(),
    /** A yes to this item suggests a deeper hurt worth talking through with a therapist (guidance). */
    deeperHurt: z.boolean().optional(),
  })
  .strict();

export const bandSchema = z
  .object({
    key: ident,
    /** Lower edge, inclusive. */
    from: z.number(),
    /** Upper edge: exclusive, except for the last band, whose upper edge is included. */
    to: z.number(),
    /** A short name for the band ("Lower", "In the middle"). */
    label: words,
    /** What a score here CAN mean, in our own warm words. Never a diagnosis. */
    text: words,
  })
  .strict();

export const subscaleSchema = z
  .object({
    id: ident,
    label: words,
    /** One plain sentence on what this subscale looks at. */
    description: words,
    items: z.array(ident).min(1),
    method: z.enum(['mean', 'sum']),
    range: z.object({ min: z.number(), max: z.number() }).strict(),
    /** True when a higher score means more difficulty (for trends in guidance). */
    higherIsWorse: z.boolean(),
    bands: z.array(bandSchema).min(1),
  })
  .strict();

export const instrumentSchema = z
  .object({
    id: ident,
    title: words,
    /** One or two plain sentences for the list of check-ups. */
    description: words,
    /** Shown above the items: how to answer. */
    instructions: words,
    /** "aboutWording": where our item wording departs from the published one, and why. */
    notes: z.string().max(2000).optional(),
    scale: scaleSchema,
    items: z.array(itemSchema).min(1).max(100),
    subscales: z.array(subscaleSchema).min(1),
    citation: words,
    licence: words,
    /** False for our own checks: the UI labels them "a Trellis check, not a validated scale". */
    validated: z.boolean(),
  })
  .strict()
  .superRefine((ins, ctx) => {
    const itemIds = new Set<string>();
    ins.items.forEach((item, i) => {
      if (itemIds.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id ${item.id}` });
      itemIds.add(item.id);
    });
    const subIds = new Set<string>();
    ins.subscales.forEach((sub, s) => {
      if (subIds.has(sub.id)) ctx.addIssue({ code: 'custom', path: ['subscales', s, 'id'], message: `duplicate subscale id ${sub.id}` });
      subIds.add(sub.id);
      const seen = new Set<string>();
      for (const [k, itemId] of sub.items.entries()) {
        if (!itemIds.has(itemId)) ctx.addIssue({ code: 'custom', path: ['subscales', s, 'items', k], message: `unknown item ${itemId}` });
        if (seen.has(itemId)) ctx.addIssue({ code: 'custom', path: ['subscales', s, 'items', k], message: `item ${itemId} listed twice` });
        seen.add(itemId);
      }
      const scales = sub.items.flatMap((itemId) => {
        const item = ins.items.find((it) => it.id === itemId);
        return item ? [item.scale ?? ins.scale] : [];
      });
      const lo = scales.reduce((a, sc) => a + sc.min, 0);
      const hi = scales.reduce((a, sc) => a + sc.max, 0);
      const expected = sub.method === 'sum' ? { min: lo, max: hi } : { min: lo / scales.length, max: hi / scales.length };
      if (scales.length && (Math.abs(expected.min - sub.range.min) > 1e-9 || Math.abs(expected.max - sub.range.max) > 1e-9)) {
        ctx.addIssue({ code: 'custom', path: ['subscales', s, 'range'], message: `range should be ${expected.min}–${expected.max}` });
      }
      const bands = sub.bands;
      if (bands[0]!.from !== sub.range.min) ctx.addIssue({ code: 'custom', path: ['subscales', s, 'bands', 0, 'from'], message: 'the first band must start at the range minimum' });
      if (bands.at(-1)!.to !== sub.range.max) ctx.addIssue({ code: 'custom', path: ['subscales', s, 'bands', bands.length - 1, 'to'], message: 'the last band must end at the range maximum' });
      bands.forEach((b, k) => {
        if (b.to <= b.from) ctx.addIssue({ code: 'custom', path: ['subscales', s, 'bands', k, 'to'], message: 'a band must end above where it starts' });
        const next = bands[k + 1];
        if (next && next.from !== b.to) ctx.addIssue({ code: 'custom', path: ['subscales', s, 'bands', k + 1, 'from'], message: 'bands must touch end to end' });
      });
    });
  });

export type Scale = z.infer<typeof scaleSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Band = z.infer<typeof bandSchema>;
export type Subscale = z.infer<typeof subscaleSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;

/** The response scale an item is answered on. */
export function scaleOf(instrument: Instrument, item: Item): Scale {
  return item.scale ?? instrument.scale;
}
