/** The coach's finding kinds and result shape (src/core/coach/index.ts). */
export const FINDING_KINDS = ['accusation', 'absolute', 'character_attack', 'mind_reading', 'contempt', 'vague', 'control', 'excuse'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export type CoachContext = 'message' | 'apology';
export type CoachCrisis = null | 'self_harm' | 'partner_danger';

export interface Finding {
  kind: FindingKind;
  /** Character offsets into the analysed text: text.slice(start, end) is the flagged words. */
  start: number;
  end: number;
  /** A plain, non-judgemental explanation. */
  message: string;
}

export interface Analysis {
  findings: Finding[];
  crisis: CoachCrisis;
  /** A rewrite in the shape "I feel … when … because … Could we …?", or null when nothing to rework. */
  suggestion: string | null;
}
