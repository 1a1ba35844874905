import { ApiError, expect, request, uploadPhoto } from '../lib/graphql.ts';
import type { JsonValue } from '../../../domain/shared/json.ts';
import { isUnreachable, SUBMIT, type PhoneChecklist } from './api.ts';
import { localStore, type LocalInspection, type LocalPhoto } from './local-store.ts';

/**
 * Sending queued inspections: the photos first (each one's server id is kept as soon as it is
 * known), then the submission under the inspection's own `clientSubmissionId` — so a sync cut off
 * anywhere, or run twice, stores the inspection exactly once. A refusal keeps every answer and
 * says why; an unreachable server leaves the inspection queued for the next try.
 */

/** The server's id of a photo, uploading it when it has none yet. */
async function uploaded(localId: string): Promise<string> {
  const photo = await localStore.get<LocalPhoto>('photos', localId);
  if (!photo) throw new ApiError('ValidationError', `photo ${localId} is no longer on this phone`);
  if (photo.sha256) return photo.sha256;
  const sha256 = await uploadPhoto(new File([photo.blob], `${photo.capturedAt.replace(/[^0-9]/g, '')}.jpg`, { type: photo.blob.type || 'image/jpeg' }), photo.capturedAt);
  await localStore.put('photos', { ...photo, sha256 });
  return sha256;
}

/** The item an issue's pointer names (`/answers/3/value` → the fourth answer's item). */
function itemOf(pointer: string, itemIds: string[]): string | null {
  const m = /^\/answers\/(\d+)/.exec(pointer);
  return m ? itemIds[Number(m[1])] ?? null : null;
}

async function save(inspection: LocalInspection): Promise<LocalInspection> {
  const next = { ...inspection, updatedAt: new Date().toISOString() };
  await localStore.put('inspections', next);
  return next;
}

/** Sends one queued inspection; returns it as it stands afterwards. */
export async function syncOne(queued: LocalInspection): Promise<LocalInspection> {
  let inspection = await save({ ...queued, status: 'syncing' });
  try {
    const checklist = await localStore.get<PhoneChecklist>('checklists', inspection.checklistId);
    const photoItems = new Set(checklist?.items.filter((i) => i.input === 'photos').map((i) => i.id) ?? []);
    const answers = [];
    for (const [itemId, a] of Object.entries(inspection.answers)) {
      const photos = a.photos?.length ? await Promise.all(a.photos.map(uploaded)) : undefined;
      // a photos item's value is its photos
      const value = photoItems.has(itemId) && Array.isArray(a.value) ? await Promise.all((a.value as string[]).map(uploaded)) : a.value;
      answers.push({ itemId, ...(a.notApplicable ? { notApplicable: a.notApplicable } : { value: value as JsonValue }), ...(photos ? { photos } : {}), ...(a.remark ? { remark: a.remark } : {}) });
    }
    const data = await request(SUBMIT, { checklistId: inspection.checklistId, clientSubmissionId: inspection.clientSubmissionId, answers, inspectedOn: inspection.inspectedOn });
    const { inspection: stored } = expect(data.submitInspection, 'SubmitInspectionSuccess');
    inspection = await save({ ...inspection, status: 'synced', refusal: null, result: { inspectionId: stored.id, score: stored.score ?? null, executionRate: stored.executionRate ?? null, findings: stored.findings } });
  } catch (error) {
    if (isUnreachable(error)) return save({ ...inspection, status: 'queued' });
    const itemIds = Object.keys(inspection.answers);
    const issues = error instanceof ApiError ? error.issues.map((i) => ({ pointer: i.pointer, message: i.message, itemId: itemOf(i.pointer, itemIds) })) : [];
    inspection = await save({ ...inspection, status: 'refused', refusal: { message: error instanceof Error ? error.message : String(error), code: error instanceof ApiError ? error.code : null, issues } });
  }
  return inspection;
}

let running: Promise<number> | null = null;

/** Sends every queued inspection, one at a time; one sync at a time per page. Returns how many were sent. */
export function syncAll(): Promise<number> {
  running ??= (async () => {
    let sent = 0;
    try {
      const waiting = (await localStore.all<LocalInspection>('inspections')).filter((i) => i.status === 'queued' || i.status === 'syncing');
      for (const inspection of waiting) {
        const after = await syncOne(inspection);
        if (after.status === 'queued') break; // unreachable: the rest wait too
        if (after.status === 'synced') sent++;
      }
    } finally {
      running = null;
      window.dispatchEvent(new Event('pinzhi:synced'));
    }
    return sent;
  })();
  return running;
}
