/** Invitation codes are stored only as this hash (SHA-256, hex) of their canonical form. */
import crypto from 'node:crypto';

export const hashInviteCode = (canonicalCode: string): string => crypto.createHash('sha256').update(`trellis-couple-invite:${canonicalCode}`).digest('hex');
