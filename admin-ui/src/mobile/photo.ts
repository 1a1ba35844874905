import { localStore, type LocalPhoto } from './local-store.ts';

/** The longest side of a photo as the phone keeps and uploads it. */
const MAX_SIDE = 1600;

/**
 * Keeps a photo from the camera on the phone, resized (longest side 1600 px, JPEG) before it is
 * ever uploaded, with the time it was taken. Returns its id: the sha256 of the bytes kept, which is
 * also the id the server gives them — the same picture added twice is one photo.
 */
export async function keepPhoto(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the photo could not be encoded'))), 'image/jpeg', 0.82));
  const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())), (b) => b.toString(16).padStart(2, '0')).join('');
  if (!(await localStore.get<LocalPhoto>('photos', digest))) {
    await localStore.put('photos', { localId: digest, blob, capturedAt: new Date(file.lastModified || Date.now()).toISOString(), sha256: null } satisfies LocalPhoto);
  }
  return digest;
}

/** Cache of the object URLs of kept photos, made once per page. */
const urls = new Map<string, Promise<string | null>>();

export function photoUrl(localId: string): Promise<string | null> {
  let url = urls.get(localId);
  if (!url) {
    url = localStore.get<LocalPhoto>('photos', localId).then((p) => (p ? URL.createObjectURL(p.blob) : null));
    urls.set(localId, url);
  }
  return url;
}
