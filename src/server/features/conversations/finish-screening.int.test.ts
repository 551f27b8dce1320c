import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../../core/couple/commitments.ts';
import { linkForTest } from '../../testing/couples.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

/*
 * The agreement or commitment written at the end of a conversation is screened like every saved
 * text (docs/decisions/031): the finish answer carries `screening`, so the page can show resources.
 */

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
let a: Person;
let b: Person;

const CHECKLIST = { calm: true, phonesAway: true, timeLimit: true };
async function closing(starter: Agent, partner: Agent): Promise<string> {
  const started = await starter.post('/api/v1/conversations', { mode: 'couple', timeLimitMinutes: 20 });
  expect(started.statusCode, started.body).toBe(201);
  const id = (started.json() as { id: string }).id;
  expect((await starter.post(`/api/v1/conversations/${id}/checklist`, CHECKLIST)).statusCode).toBe(200);
  expect((await partner.post(`/api/v1/conversations/${id}/checklist`, CHECKLIST)).statusCode).toBe(200);
  expect((await starter.post(`/api/v1/conversations/${id}/close`, {})).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  [a, b] = [await t.signUpVerified(), await t.signUpVerified()];
  await linkForTest(t, a, b);
});
afterAll(async () => {
  await t.close();
});

describe(`finishing a conversation is screened (${engineName()})`, () => {
  it('an agreement written at the end that sounds like danger from a partner answers screening.partnerDanger', async () => {
    const id = await closing(a.agent, b.agent);
    const res = await a.agent.post(`/api/v1/conversations/${id}/finish`, {
      outcome: { kind: 'agreement', agreement: { topic: 'other', title: 'When things get loud', text: 'He hits me when he is angry, and I want that to stop.' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phase: 'ended', outcome: { kind: 'agreement' }, screening: { selfHarm: false, partnerDanger: true } });
  });

  it('a commitment that sounds like thoughts of self-harm answers screening.selfHarm', async () => {
    const id = await closing(b.agent, a.agent);
    const res = await b.agent.post(`/api/v1/conversations/${id}/finish`, {
      outcome: { kind: 'commitment', commitment: { title: 'Tell you when I just want to die', startDay: localDay(Date.now(), 'UTC'), timeZone: 'UTC' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().screening).toEqual({ selfHarm: true, partnerDanger: false });
  });

  it('ordinary words, or no outcome at all, answer a clear screening', async () => {
    const id = await closing(a.agent, b.agent);
    const res = await a.agent.post(`/api/v1/conversations/${id}/finish`, {
      outcome: { kind: 'commitment', commitment: { title: 'A walk on Sunday', startDay: localDay(Date.now(), 'UTC'), timeZone: 'UTC' } },
    });
    expect(res.json().screening).toEqual({ selfHarm: false, partnerDanger: false });
    const other = await closing(b.agent, a.agent);
    const none = await b.agent.post(`/api/v1/conversations/${other}/finish`, { outcome: { kind: 'none' } });
    expect(none.statusCode).toBe(200);
    expect(none.json().screening).toEqual({ selfHarm: false, partnerDanger: false });
  });
});
