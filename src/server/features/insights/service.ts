/**
 * Insights over my own journal entries. No repository of its own: it reads the entries' facts
 * (no free text) through the journal service and computes in core (core/patterns/insights.ts),
 * in the person's time zone — the one asked for, else the profile's, else UTC.
 */
import { computeInsights, type Insights } from '../../../core/patterns/insights.ts';
import { startOfLocalDay } from '../../../core/patterns/zoned-time.ts';
import { INSIGHTS_DEFAULT_DAYS, isDateOnly, type InsightsQuery } from '../../../core/schemas/insights.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import type { JournalService } from '../journal/service.ts';
import type { ProfileService } from '../profile/service.ts';

const DAY_MS = 86_400_000;

export class InsightsService {
  constructor(
    private readonly policy: Policy,
    private readonly journal: JournalService,
    private readonly profile: ProfileService,
  ) {}

  async forMe(actor: Actor, q: InsightsQuery, now: number = Date.now()): Promise<Insights> {
    const me = this.policy.requireUser(actor);
    await this.policy.insights.read(actor, me.userId);
    const timeZone = q.timeZone ?? (await this.profile.get(actor, me.userId)).timeZone ?? 'UTC';
    const to = q.to === undefined ? now : isDateOnly(q.to) ? startOfLocalDay(nextDay(q.to), timeZone) - 1 : Date.parse(q.to);
    const from = q.from === undefined ? to - INSIGHTS_DEFAULT_DAYS * DAY_MS : isDateOnly(q.from) ? startOfLocalDay(q.from, timeZone) : Date.parse(q.from);
    const facts = await this.journal.facts(actor, { from: new Date(from), to: new Date(to) });
    return computeInsights(facts, { timeZone, from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  }
}

/** The calendar day after `date` (YYYY-MM-DD). */
function nextDay(date: string): string {
  return new Date(Date.parse(date) + DAY_MS).toISOString().slice(0, 10);
}
