import { archiveDeletedSchema, coupleStatusSchema, inviteCreatedSchema, type ArchiveDeleted, type CoupleStatus, type InviteCreated } from '../../core/schemas/couple';
import { api } from './api';

/** The couple space's linking calls. The private question about fear is never sent anywhere. */
export const COUPLE_PATH = '/api/v1/couple';

export function getCoupleStatus(signal?: AbortSignal): Promise<CoupleStatus> {
  return api(COUPLE_PATH, { schema: coupleStatusSchema, signal });
}

export function createInvite(idempotencyKey?: string): Promise<InviteCreated> {
  return api(`${COUPLE_PATH}/invites`, { method: 'POST', schema: inviteCreatedSchema, idempotencyKey });
}

export async function withdrawInvite(): Promise<void> {
  await api(`${COUPLE_PATH}/invites/current`, { method: 'DELETE' });
}

export function joinCouple(code: string, idempotencyKey?: string): Promise<CoupleStatus> {
  return api(`${COUPLE_PATH}/join`, { body: { code }, schema: coupleStatusSchema, idempotencyKey });
}

/** Deletes, for good, everything I wrote in a couple that has ended (docs/decisions/022). */
export function deleteMyArchive(coupleId: string): Promise<ArchiveDeleted> {
  return api(`${COUPLE_PATH}/archive/${encodeURIComponent(coupleId)}/mine`, { method: 'DELETE', schema: archiveDeletedSchema });
}

export function unlinkCouple(): Promise<CoupleStatus> {
  return api(`${COUPLE_PATH}/unlink`, { method: 'POST', schema: coupleStatusSchema });
}
