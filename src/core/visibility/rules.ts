/**
 * The visibility rules of design.md as data: for each audience an item can have, which
 * relation to its owner may do what. Pure; the server's policy module resolves the relation
 * and asks here. Anything not listed is denied.
 */

/** How the person asking relates to the item's owner (or, for couple items, to the couple). */
export const RELATIONS = [
  'anonymous', // signed out
  'owner', // the item is theirs
  'partner', // linked partner of the owner, while linked
  'former-partner', // was linked, now unlinked
  'stranger', // any other signed-in account
  'therapist-with-share', // a therapist the owner granted this item's category to, while granted
  'therapist-without-share', // a therapist linked to the client but without this category
  'other-practice-therapist', // a therapist of a practice with no link to the owner
  'practice-owner', // owner of the practice the item (a booking) belongs to
  'practice-therapist', // a therapist of that practice who could take the booking
  'booking-link', // holder of a booking's private link
] as const;
export type Relation = (typeof RELATIONS)[number];

export const AUDIENCES = [
  'private', // journal, urges, origins, self-worth, assessment results, profile
  'partner-shared', // a private item its owner shared with their partner
  'couple', // check-ins once revealed, commitments, agreements, activities, repairs, cycle map, conversations
  'therapist-shared', // a category the client granted to a therapist
  'booking', // a consultation request
] as const;
export type Audience = (typeof AUDIENCES)[number];

export const ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

type Table = Record<Audience, Partial<Record<Relation, readonly Action[]>>>;

const ALL: readonly Action[] = ACTIONS;
const READ: readonly Action[] = ['read'];

export const VISIBILITY: Table = {
  private: { owner: ALL },
  'partner-shared': { owner: ALL, partner: READ },
  // Each partner edits only their own contributions (owner); the other reads. After unlinking,
  // both keep a read-only archive.
  couple: { owner: ALL, partner: READ, 'former-partner': READ },
  'therapist-shared': { owner: ALL, 'therapist-with-share': READ },
  booking: { owner: ALL, 'booking-link': ['read', 'update'], 'practice-therapist': ['read', 'update'], 'practice-owner': READ },
};

/** May someone in `relation` to the owner perform `action` on an item with `audience`? */
export function isAllowed(relation: Relation, audience: Audience, action: Action): boolean {
  return VISIBILITY[audience][relation]?.includes(action) ?? false;
}
