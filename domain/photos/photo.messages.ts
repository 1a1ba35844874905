import { messageFactory } from '../shared/messages.ts';

/** What uploading and reading photos say, in Chinese and English. */
export const PHOTO_MESSAGES = {
  'photo.too_large': { en: 'The photo is {bytes} bytes; the limit is {limit}', 'zh-CN': '照片大小为 {bytes} 字节，上限为 {limit} 字节' },
  'photo.too_large_issue': { en: 'too large: {bytes} bytes (limit {limit})', 'zh-CN': '文件过大：{bytes} 字节（上限 {limit}）' },
  'photo.not_image': { en: '{name} is not a photo', 'zh-CN': '{name} 不是照片' },
  'photo.file_not_image': { en: 'The file is not a photo', 'zh-CN': '该文件不是照片' },
  'photo.type_rule': { en: 'not a JPEG, PNG, WebP or HEIC image', 'zh-CN': '不是 JPEG、PNG、WebP 或 HEIC 图片' },
  'photo.taken_in_future': { en: 'The photo was taken at {takenAt}, after now ({now}): check the phone\'s clock', 'zh-CN': '照片拍摄时间 {takenAt} 晚于现在（{now}）：请检查手机时间' },
  'photo.taken_rule': { en: 'when the photo was taken, not later than now', 'zh-CN': '照片的拍摄时间，不能晚于现在' },
  'photo.not_found': { en: 'No photo {sha256}', 'zh-CN': '没有照片 {sha256}' },
} as const;

export const photoMessage = messageFactory(PHOTO_MESSAGES);
