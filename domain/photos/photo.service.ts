import { createHash, randomBytes } from 'node:crypto';
import { photoRepository } from './photo.repository.ts';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from '../shared/persistence.ts';
import { NotFoundError, ValidationError, issue } from '../shared/errors.ts';
import { authorize } from '../shared/access.ts';
import { photoMessage } from './photo.messages.ts';
import type { IPhoto } from './photo.entity.ts';
import type { ServiceContext } from '../shared/service-context.ts';

/** Where photos live and how large one may be. */
export interface PhotoStore {
  dir: string;
  maxBytes: number;
}

/** Image types accepted, recognised by their first bytes rather than the name or declared type. */
const IMAGE_TYPES: { mime: string; is: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', is: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', is: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', is: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
  { mime: 'image/heic', is: (b) => b.toString('latin1', 4, 8) === 'ftyp' && ['heic', 'heix', 'hevc', 'hevx'].includes(b.toString('latin1', 8, 12)) },
];

const pathOf = (store: PhotoStore, sha256: string) => join(store.dir, sha256.slice(0, 2), sha256);

/**
 * Stores an uploaded photo under its sha256 (the same photo twice is stored once) after checking
 * its size and that it really is a JPEG, PNG, WebP or HEIC image. Returns its id for answers.
 */
export async function uploadPhoto(ctx: ServiceContext & { photos: PhotoStore }, file: File, takenAt: Date | null = null): Promise<IPhoto> {
  const actor = authorize(ctx.actor, 'uploadPhotos');
  const now = new Date();
  // a phone's clock may run a little fast; a photo from the future is a wrong clock
  if (takenAt && takenAt.getTime() > now.getTime() + 10 * 60_000) {
    throw new ValidationError(photoMessage('photo.taken_in_future', { takenAt: takenAt.toISOString(), now: now.toISOString() }), [issue('/takenAt', photoMessage('photo.taken_rule'))]);
  }
  if (file.size > ctx.photos.maxBytes) throw new ValidationError(photoMessage('photo.too_large', { bytes: file.size, limit: ctx.photos.maxBytes }), [issue('/file', photoMessage('photo.too_large_issue', { bytes: file.size, limit: ctx.photos.maxBytes }))]);
  const bytes = Buffer.from(await file.arrayBuffer());
  const type = IMAGE_TYPES.find((t) => t.is(bytes));
  if (!type) throw new ValidationError(file.name ? photoMessage('photo.not_image', { name: file.name }) : photoMessage('photo.file_not_image'), [issue('/file', photoMessage('photo.type_rule'))]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = pathOf(ctx.photos, sha256);
  await mkdir(join(ctx.photos.dir, sha256.slice(0, 2)), { recursive: true });
  const partial = `${path}.${randomBytes(6).toString('hex')}.part`;
  await writeFile(partial, bytes);
  await rename(partial, path);
  await photoRepository.insertIfAbsent(ctx.em, { sha256, mime: type.mime, bytes: bytes.length, uploadedBy: actor.username, createdAt: now, takenAt });
  return (await photoRepository.find(ctx.em, sha256, actor.organisationId))!;
}

/** A stored photo's bytes and type. */
/** An uploaded photo of the reader's organisation (another's answers as a missing one). */
export async function readPhoto(em: EntityManager, store: PhotoStore, sha256: string, organisationId: number | null): Promise<{ photo: IPhoto; bytes: Buffer }> {
  const photo = /^[0-9a-f]{64}$/.test(sha256) ? await photoRepository.find(em, sha256, organisationId) : null;
  if (!photo) throw new NotFoundError(photoMessage('photo.not_found', { sha256 }), sha256);
  return { photo, bytes: await readFile(pathOf(store, sha256)) };
}
