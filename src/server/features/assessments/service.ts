/**
 * Check-ups: scoring my answers to an instrument, and my results over time. Results are private
 * to their owner (policy.assessments); instruments are public content.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Instrument } from '../../../core/instruments/definition.ts';
import { INSTRUMENTS, instrumentById } from '../../../core/instruments/registry.ts';
import { reportsDeeperHurt, scoreResponses } from '../../../core/instruments/score.ts';
import type { Assessment, AssessmentCreate, AssessmentListQuery, GuidanceFacts, InstrumentSummary } from '../../../core/schemas/assessments.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { HttpProblem, notFound, validationProblem } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { assessmentRepo, type AssessmentRow } from './repo.ts';

const TRUST_SIGNS = 'trust-signs';

export class AssessmentService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
  ) {}

  /** Every instrument, in the order shown. Public content: no sign-in needed. */
  listInstruments(): { items: InstrumentSummary[] } {
    return { items: INSTRUMENTS.map((i) => ({ id: i.id, title: i.title, description: i.description, itemCount: i.items.length, validated: i.validated })) };
  }

  /** One whole instrument, for rendering the form and explaining results; 404 when unknown. */
  getInstrument(id: string): Instrument {
    const instrument = instrumentById(id);
    if (!instrument) throw notFound('There is no check-up with this id.');
    return instrument;
  }

  /** Score and store my answers. Bad answers are a 400 naming each item (`responses.<index>`). */
  async create(actor: Actor, input: AssessmentCreate, db: Db = this.db): Promise<Assessment> {
    const me = this.policy.requireUser(actor);
    await this.policy.assessments.create(actor, me.userId);
    const instrument = knownInstrument(input.instrument);
    const result = scoreResponses(instrument, input.responses);
    if (!result.ok) throw validationProblem(result.errors, 'Some answers need another look.');
    const row = await assessmentRepo.insert(db, {
      id: uuidv7(),
      ownerId: me.userId,
      instrument: instrument.id,
      takenAt: input.takenAt ? new Date(input.takenAt) : new Date(),
      responses: [...input.responses],
      scores: result.scores,
      band: result.band,
    });
    return toAssessment(row);
  }

  async get(actor: Actor, id: string): Promise<Assessment> {
    return toAssessment(await this.load(actor, id, 'read'));
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.load(actor, id, 'delete');
    await assessmentRepo.delete(this.db, id);
  }

  /** My results, newest first, optionally for one instrument. */
  async list(actor: Actor, q: AssessmentListQuery): Promise<{ items: Assessment[]; nextCursor: string | null }> {
    const me = this.policy.requireUser(actor);
    await this.policy.assessments.list(actor, me.userId);
    if (q.instrument !== undefined) knownInstrument(q.instrument);
    const after = q.cursor ? fromCursor(q.cursor) : undefined;
    const rows = await assessmentRepo.list(this.db, me.userId, q.instrument, after, q.limit + 1);
    const items = rows.slice(0, q.limit).map(toAssessment);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.takenAt, last.id) : null };
  }

  /**
   * For the "time to talk to a therapist?" guidance: each subscale I have scores for, oldest
   * point first, and whether my LATEST trust-signs result said yes to a deeper-hurt item.
   * Another feature reaches check-up results only through this method.
   */
  async guidanceFacts(actor: Actor): Promise<{ series: Array<{ instrument: string; subscale: string; higherIsWorse: boolean; points: Array<{ takenAt: string; value: number }> }>; deeperHurtReported: boolean }> {
    const me = this.policy.requireUser(actor);
    await this.policy.assessments.list(actor, me.userId);
    const rows = await assessmentRepo.allOldestFirst(this.db, me.userId);
    const series: GuidanceFacts['series'] = [];
    for (const instrument of INSTRUMENTS) {
      const mine = rows.filter((r) => r.instrument === instrument.id);
      if (mine.length === 0) continue;
      for (const sub of instrument.subscales) {
        const points = mine.flatMap((r) => (typeof r.scores[sub.id] === 'number' ? [{ takenAt: r.takenAt.toISOString(), value: r.scores[sub.id]! }] : []));
        if (points.length > 0) series.push({ instrument: instrument.id, subscale: sub.id, higherIsWorse: sub.higherIsWorse, points });
      }
    }
    const latestSigns = rows.filter((r) => r.instrument === TRUST_SIGNS).at(-1);
    const signs = instrumentById(TRUST_SIGNS);
    const deeperHurtReported = latestSigns !== undefined && signs !== undefined && reportsDeeperHurt(signs, latestSigns.responses);
    return { series, deeperHurtReported };
  }

  private async load(actor: Actor, id: string, action: 'read' | 'delete'): Promise<AssessmentRow> {
    const row = await assessmentRepo.findById(this.db, id);
    // Missing and not-yours answer the same (404), so existence is never revealed.
    if (!row) {
      this.policy.requireUser(actor);
      throw notFound();
    }
    await this.policy.assessments[action](actor, row.ownerId);
    return row;
  }
}

function knownInstrument(id: string): Instrument {
  const instrument = instrumentById(id);
  if (!instrument) throw new HttpProblem(400, 'validation', 'There is no check-up with this id.', [{ path: 'instrument', message: 'There is no check-up with this id.' }]);
  return instrument;
}

function fromCursor(cursor: string): { takenAt: Date; id: string } {
  const { sortKey, id } = decodeCursor(cursor);
  const takenAt = new Date(sortKey);
  if (Number.isNaN(takenAt.getTime())) decodeCursor('');
  return { takenAt, id };
}

function toAssessment(row: AssessmentRow): Assessment {
  return { id: row.id, instrument: row.instrument, takenAt: row.takenAt.toISOString(), responses: row.responses, scores: row.scores, band: row.band };
}
