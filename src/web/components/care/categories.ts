import { COUPLE_CATEGORIES, type CareCategory } from '../../../core/schemas/care-sharing';
import { t, type MessageKey } from '../../lib/i18n';

const LABELS: Record<CareCategory, MessageKey> = {
  assessments: 'care.categories.assessments',
  'checkin-moods': 'care.categories.checkinMoods',
  commitments: 'care.categories.commitments',
  'therapy-entries': 'care.categories.therapyEntries',
  'conversation-summaries': 'care.categories.conversationSummaries',
};
const HINTS: Record<CareCategory, MessageKey> = {
  assessments: 'care.categories.assessmentsHint',
  'checkin-moods': 'care.categories.checkinMoodsHint',
  commitments: 'care.categories.commitmentsHint',
  'therapy-entries': 'care.categories.therapyEntriesHint',
  'conversation-summaries': 'care.categories.conversationSummariesHint',
};

/** A sharing category in words, e.g. "Check-up results". */
export function categoryLabel(category: CareCategory): string {
  return t(LABELS[category]);
}

export function categoryHint(category: CareCategory): string {
  return t(HINTS[category]);
}

/** Couple categories are seen only while both partners share them. */
export function isCoupleCategory(category: CareCategory): boolean {
  return (COUPLE_CATEGORIES as readonly string[]).includes(category);
}
