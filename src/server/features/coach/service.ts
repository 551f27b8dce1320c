/**
 * The coach on the server: the same pure analysis the browser runs (src/core/coach), behind the
 * policy. No database, no logging of the text: what is analysed is forgotten when the reply is sent.
 */
import { analyze, type Analysis, type CoachContext } from '../../../core/coach/index.ts';
import type { Actor, Policy } from '../../policy/index.ts';

export class CoachService {
  constructor(private readonly policy: Policy) {}

  analyze(actor: Actor, text: string, context: CoachContext): Analysis {
    this.policy.coach.analyze(actor);
    return analyze(text, context);
  }
}
