import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** The product's own terms (物业费, 车位, 地库 …) so jieba keeps them whole. */
export const USER_DICT_PATH = join(import.meta.dirname, 'user-dict.txt');

/** Cache of the segmenter: its dictionaries load once per process. */
let jieba: Jieba | null = null;

/** The segmenter, built on first use: loading the dictionaries costs a few hundred milliseconds, paid once. */
function segmenter(): Jieba {
  if (jieba === null) {
    const instance = Jieba.withDict(dict);
    instance.loadDict(readFileSync(USER_DICT_PATH));
    jieba = instance;
  }
  return jieba;
}

/** The words of a text (jieba with HMM for unknown words), whitespace dropped. */
export function segment(text: string): string[] {
  return segmenter().cut(text, true).filter((w) => w.trim() !== '');
}
