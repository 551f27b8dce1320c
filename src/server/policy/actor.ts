/** Who is asking. Services receive an Actor and ask the policy; they never compare ids themselves. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; sessionId: string; emailVerified: boolean }
  /** Background work acting for the system (reminders, cleanup); still asks the policy. */
  | { kind: 'system'; job: string };

export const anonymous: Actor = { kind: 'anonymous' };
