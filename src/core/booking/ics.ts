/**
 * A calendar file (RFC 5545) for a consultation: one VEVENT in UTC, text escaped, lines folded at
 * 75 octets without splitting a UTF-8 character, CRLF line ends.
 */
export interface IcsEvent {
  uid: string;
  startMs: number;
  endMs: number;
  summary: string;
  description?: string;
  location?: string;
  organizerName?: string;
  organizerEmail?: string;
  method?: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  sequence?: number;
  stampMs: number;
}

/** 20270112T150000Z */
export function icsDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // a continuation's leading space counts
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function buildIcs(e: IcsEvent): string {
  const method = e.method ?? 'REQUEST';
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Trellis//Consultations//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${icsDate(e.stampMs)}`,
    `DTSTART:${icsDate(e.startMs)}`,
    `DTEND:${icsDate(e.endMs)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.organizerEmail ? [`ORGANIZER${e.organizerName ? `;CN="${e.organizerName.replace(/"/g, "'")}"` : ''}:mailto:${e.organizerEmail}`] : []),
    `SEQUENCE:${e.sequence ?? 0}`,
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
