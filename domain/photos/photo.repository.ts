import type { EntityManager } from '../shared/persistence.ts';
import { Photo, type IPhoto } from './photo.entity.ts';

/** Photos as stored rows: the bytes live on disk under their sha256. */
export const photoRepository = {
  /** Records an uploaded photo; the same bytes uploaded twice in an organisation stay one row (the first uploader's). */
  async insertIfAbsent(em: EntityManager, photo: { sha256: string; mime: string; bytes: number; uploadedBy: string; createdAt: Date; takenAt: Date | null }): Promise<void> {
    await em.execute(`insert into photo (sha256, mime, bytes, uploaded_by, created_at, taken_at) values (?, ?, ?, ?, ?, ?) on conflict (organisation_id, sha256) do nothing`,
      [photo.sha256, photo.mime, photo.bytes, photo.uploadedBy, photo.createdAt, photo.takenAt]);
  },

  find(em: EntityManager, sha256: string, organisationId: number | null = null): Promise<IPhoto | null> {
    return em.findOne(Photo, { sha256, ...(organisationId !== null ? { organisationId } : {}) });
  },

  /** Which of the given sha256 values name uploaded photos. */
  async existing(em: EntityManager, sha256s: string[]): Promise<Set<string>> {
    if (sha256s.length === 0) return new Set();
    const rows = await em.execute<{ sha256: string }[]>(`select sha256 from photo where sha256 in (${sha256s.map(() => '?').join(', ')})`, sha256s);
    return new Set(rows.map((p) => p.sha256));
  },
};
