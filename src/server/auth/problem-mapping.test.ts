import { describe, expect, it } from 'vitest';
import { authProblem } from './routes.ts';

describe('better-auth errors as problems', () => {
  it('keeps code and message and adds the problem members', () => {
    const p = authProblem(401, JSON.stringify({ code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' }));
    expect(p).toMatchObject({ type: 'urn:trellis:problem:auth/invalid-email-or-password', status: 401, code: 'INVALID_EMAIL_OR_PASSWORD', detail: 'Invalid email or password' });
  });
  it('turns validation messages into field errors', () => {
    const p = authProblem(400, JSON.stringify({ code: 'VALIDATION_ERROR', message: '[body.email] Invalid email address; [body.name] Required' }));
    expect(p.errors).toEqual([
      { path: 'email', message: 'Invalid email address' },
      { path: 'name', message: 'Required' },
    ]);
  });
  it('copes with a body that is not JSON', () => {
    expect(authProblem(429, 'slow down')).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
  });
});
