import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, formErrors, parseErrorBody } from './api';
import { t } from './i18n';

describe('parseErrorBody', () => {
  it('reads RFC 9457 problem details with field errors', () => {
    const info = parseErrorBody(400, {
      type: 'https://trellis.example/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'Some fields need attention.',
      errors: [
        { path: 'displayName', message: 'Please enter a name.' },
        { path: 'displayName', message: 'A second message is ignored.' },
        { path: '/timeZone', message: 'Pick a time zone.' },
        { path: ['usState'], message: 'Pick a state.' },
        { path: 'body.language', message: 'English only.' },
        { nonsense: true },
      ],
    });
    expect(info).toEqual({
      status: 400,
      code: 'HTTP_400',
      serverMessage: 'Some fields need attention.',
      fieldErrors: {
        displayName: 'Please enter a name.',
        timeZone: 'Pick a time zone.',
        usState: 'Pick a state.',
        language: 'English only.',
      },
    });
  });

  it('falls back to the problem title when there is no detail', () => {
    expect(parseErrorBody(404, { type: 'about:blank', title: 'Not Found', status: 404 }).serverMessage).toBe('Not Found');
  });

  it('reads better-auth { code, message }', () => {
    expect(parseErrorBody(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' })).toEqual({
      status: 401,
      code: 'INVALID_EMAIL_OR_PASSWORD',
      serverMessage: 'Invalid email or password',
      fieldErrors: {},
    });
  });

  it('names rate limits, network failures and empty bodies', () => {
    expect(parseErrorBody(429, { message: 'Too many requests. Please try again later.' }).code).toBe('TOO_MANY_REQUESTS');
    expect(parseErrorBody(0, undefined).code).toBe('NETWORK');
    expect(parseErrorBody(502, undefined)).toEqual({ status: 502, code: 'HTTP_502', serverMessage: undefined, fieldErrors: {} });
    expect(parseErrorBody(500, 'oops').code).toBe('HTTP_500');
  });
});

describe('errorMessage', () => {
  const error = (status: number, body: unknown) => new ApiError(parseErrorBody(status, body));

  it('uses our own words for codes we know', () => {
    expect(errorMessage(error(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' }))).toBe(
      t('errors.codes.INVALID_EMAIL_OR_PASSWORD'),
    );
    expect(errorMessage(error(400, { code: 'INVALID_CODE', message: 'Invalid code' }))).toBe(t('errors.codes.INVALID_CODE'));
  });

  it('asks for patience on any 429', () => {
    expect(errorMessage(error(429, { message: 'Too many requests.' }))).toBe(t('errors.tooMany'));
    expect(errorMessage(error(429, { code: 'SOMETHING', message: 'x' }))).toBe(t('errors.tooMany'));
  });

  it("keeps our server's specific wording for common passwords", () => {
    expect(errorMessage(error(400, { code: 'PASSWORD_TOO_COMMON', message: 'This is one of the most used passwords.' }))).toBe(
      'This is one of the most used passwords.',
    );
    expect(errorMessage(error(400, { code: 'PASSWORD_TOO_COMMON' }))).toBe(t('errors.codes.PASSWORD_TOO_COMMON'));
  });

  it('shows the problem detail for unknown codes, and never a raw 5xx', () => {
    expect(errorMessage(error(409, { title: 'Conflict', status: 409, detail: 'That was already done.' }))).toBe('That was already done.');
    expect(errorMessage(error(500, { title: 'Internal Server Error', status: 500 }))).toBe(t('errors.generic'));
    expect(errorMessage(error(0, undefined))).toBe(t('errors.network'));
    expect(errorMessage(new TypeError('boom'))).toBe(t('errors.generic'));
  });
});

describe('formErrors', () => {
  it('puts problem field errors next to fields and leaves no general message', () => {
    const err = new ApiError(parseErrorBody(400, { title: 'Invalid', status: 400, errors: [{ path: 'displayName', message: 'Too long.' }] }));
    expect(formErrors(err)).toEqual({ fieldErrors: { displayName: 'Too long.' }, general: undefined });
  });

  it('moves a mapped better-auth code onto its field', () => {
    const err = new ApiError(parseErrorBody(400, { code: 'PASSWORD_TOO_SHORT', message: 'Password too short' }));
    expect(formErrors(err, { PASSWORD_TOO_SHORT: 'newPassword' })).toEqual({
      fieldErrors: { newPassword: t('errors.codes.PASSWORD_TOO_SHORT') },
      general: undefined,
    });
  });

  it('otherwise gives one general message', () => {
    const err = new ApiError(parseErrorBody(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'x' }));
    expect(formErrors(err)).toEqual({ fieldErrors: {}, general: t('errors.codes.INVALID_EMAIL_OR_PASSWORD') });
  });
});

describe('formErrors with the form’s own fields', () => {
  it('never drops a message about a field the form does not show', () => {
    const err = new ApiError(
      parseErrorBody(403, {
        type: 'urn:trellis:problem:csrf',
        title: 'Not allowed',
        status: 403,
        detail: 'This request came from another site and was refused.',
        errors: [{ path: 'origin', message: 'Not a trusted origin' }],
      }),
    );
    expect(formErrors(err, {}, new Set(['displayName']))).toEqual({
      fieldErrors: {},
      general: 'This request came from another site and was refused.',
    });
  });

  it('keeps known fields next to the field and still explains the rest', () => {
    const err = new ApiError(
      parseErrorBody(400, {
        title: 'Bad request',
        status: 400,
        detail: 'Please check the form.',
        errors: [
          { path: 'displayName', message: 'Too long.' },
          { path: 'somethingElse', message: 'Hidden.' },
        ],
      }),
    );
    expect(formErrors(err, {}, new Set(['displayName']))).toEqual({
      fieldErrors: { displayName: 'Too long.' },
      general: 'Please check the form.',
    });
  });
});
