/**
 * "Is it time to talk to a therapist?" for the signed-in person, over their own data only. No
 * repository of its own: entry facts (no free text) come through the journal service and scores
 * through the assessment service; the rules are pure (core/guidance/therapy-suggestion.ts).
 * Nothing here is stored, logged or sent to anyone.
 */
import { GUIDANCE_THRESHOLDS, RECURRING_TOPIC_WINDOW_DAYS, HIGH_INTENSITY_WINDOW_DAYS, suggestTherapy, type GuidanceInput } from '../../../core/guidance/therapy-suggestion.ts';
import type { EntryFacts } from '../../../core/patterns/entry-facts.ts';
import type { TherapyGuidance } from '../../../core/schemas/guidance.ts';
import type { Actor, Policy } from '../../policy/index.ts';

const DAY_MS = 86_400_000;
const LOOKBACK_DAYS = Math.max(RECURRING_TOPIC_WINDOW_DAYS, HIGH_INTENSITY_WINDOW_DAYS);

/** Where entry facts come from (JournalService.facts). */
export interface EntryFactsSource {
  facts(actor: Actor, range: { from?: Date; to?: Date }): Promise<EntryFacts[]>;
}

/** Where self-assessment scores come from (AssessmentService.guidanceFacts). */
export interface AssessmentFactsSource {
  guidanceFacts(actor: Actor): Promise<GuidanceInput['assessments']>;
}

/**
 * Whether the person has a linked partner. Couples arrive in a later issue: until then nobody
 * does. The couples service will implement this and be passed in context.ts.
 */
export interface PartnerLinkSource {
  hasLinkedPartner(actor: Actor): Promise<boolean>;
}
export const noPartnerLinks: PartnerLinkSource = { hasLinkedPartner: async () => false };

export interface GuidanceLinks {
  directoryUrl: string;
  /** A practice's booking page; arrives with the Care issue. */
  bookingUrl: string | null;
}

export class GuidanceService {
  constructor(
    private readonly policy: Policy,
    private readonly entries: EntryFactsSource,
    private readonly assessments: AssessmentFactsSource,
    private readonly links: GuidanceLinks,
    private readonly partners: PartnerLinkSource = noPartnerLinks,
  ) {}

  async therapy(actor: Actor, now: number = Date.now()): Promise<TherapyGuidance> {
    const me = this.policy.requireUser(actor);
    await this.policy.guidance.read(actor, me.userId);
    const [entries, assessments, linkedPartner] = await Promise.all([
      this.entries.facts(actor, { from: new Date(now - LOOKBACK_DAYS * DAY_MS), to: new Date(now + DAY_MS) }),
      this.assessments.guidanceFacts(actor),
      this.partners.hasLinkedPartner(actor),
    ]);
    const generatedAt = new Date(now).toISOString();
    const suggestion = suggestTherapy({ now: generatedAt, entries, assessments, linkedPartner });
    return { ...suggestion, thresholds: GUIDANCE_THRESHOLDS, directoryUrl: this.links.directoryUrl, bookingUrl: this.links.bookingUrl, generatedAt };
  }
}
