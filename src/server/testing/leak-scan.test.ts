import { describe, expect, it } from 'vitest';
import { findLeaks, phrasesOf, readableMail, userTextsIn } from './leak-scan.ts';

describe('the leak scan', () => {
  it('takes free text from request bodies, not credentials, ids, addresses or settings', () => {
    const texts = userTextsIn({
      email: 'someone@example.com',
      password: 'a long secret pass phrase',
      whatHappened: 'They were late again and I felt forgotten',
      nested: { items: [{ text: 'I will call when I am running late' }], id: '0190b8a2-1c2d-7e3f-8a9b-0c1d2e3f4a5b' },
      timeZone: 'America/Chicago',
      occurredAt: '2026-12-03T10:00:00.000Z',
      short: 'ok then',
      link: 'https://example.com/some/long/path',
    });
    expect(texts.sort()).toEqual(['I will call when I am running late', 'They were late again and I felt forgotten']);
  });

  it('finds a planted phrase in a quoted-printable, HTML-escaped or base64 mail, and not in an unrelated one', () => {
    const words = ['They were late again and I felt forgotten by everyone'];
    const qp = 'Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>They were late again and I=\r\n felt forgotten by everyone</p>';
    const html = 'Content-Type: text/html\r\n\r\n<p>they were late &amp; again</p><p>They were late again and&#32;I felt forgotten</p>';
    const b64 = `Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('Note: I felt forgotten by everyone today').toString('base64')}`;
    const clean = 'Content-Type: text/plain\r\n\r\nYou have something new in Trellis. Open Trellis to see it.';
    const leaks = findLeaks(
      [
        { where: 'qp', text: readableMail(qp) },
        { where: 'html', text: readableMail(html) },
        { where: 'b64', text: readableMail(b64) },
        { where: 'clean', text: readableMail(clean) },
      ],
      words,
    );
    expect(leaks.map((l) => l.where)).toEqual(['qp', 'html', 'b64']);
  });

  it('a 5-word run counts as quoting; fewer shared words do not', () => {
    expect(phrasesOf('one two three four five six')).toEqual(['one two three four five', 'two three four five six']);
    const words = ['I keep worrying that you will leave me one day'];
    expect(findLeaks([{ where: 'push', text: '{"title":"Trellis","body":"worrying that you will leave"}' }], words)).toHaveLength(1);
    expect(findLeaks([{ where: 'push', text: '{"title":"Trellis","body":"that you will"}' }], words)).toHaveLength(0);
  });
});
