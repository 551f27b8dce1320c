/**
 * The facts about one journal entry that insights and guidance work from: catalog values,
 * numbers, dates and tags — never the person's free text. The server builds them from the
 * owner's own entries (JournalService.facts); core functions compute over them.
 */
import type { BodyCue, EntryKind, Topic, Urge, WoundOrSignal } from '../reflect/catalogs.ts';

export interface EntryFacts {
  id: string;
  kind: EntryKind;
  /** ISO 8601 UTC instant. */
  occurredAt: string;
  topic: Topic | null;
  tags: string[];
  bodyCues: BodyCue[];
  intensityBefore: number | null;
  intensityAfter: number | null;
  urge: Urge | null;
  urgeActedOn: boolean | null;
  woundOrSignal: WoundOrSignal | null;
}
