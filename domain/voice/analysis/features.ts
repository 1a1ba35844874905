import { segment } from './segment.ts';

/**
 * What the models see of a text: its words, its character bigrams (robust to typos, homophones and
 * dialect words jieba does not know), words under a negation, and cues for how the writer feels —
 * escalation threats, exclamations, sarcasm, emojis, contrast (praise then complaint).
 */

const PUNCTUATION = /^[\p{P}\p{S}\s]+$/u;
/** Function words every class uses alike: as features they only add noise to short texts. */
const STOPWORDS = new Set(['的', '了', '在', '是', '我', '你', '他', '她', '它', '我们', '你们', '他们', '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '也', '都', '就', '还', '和', '与', '着', '过', '这', '那', '个', '一', '有', '给', '让', '被', '把']);
const NEGATORS = new Set(['不', '没', '没有', '别', '未', '无', '莫得', '冇', '唔', '不是', '不能', '没法', '不会']);

/** Threats to take it further: the strongest intensity. */
const ESCALATION = /12345|投诉|报警|110|起诉|律师|曝光|媒体|上新闻|住建|消协|市场监管|城管|环保热线|派出所|拉横幅|维权|联名|业主大会|赔偿|赔|追责|开除|滚蛋/;
/** Praise words in quotes, or mock gratitude: the sarcasm 阴阳怪气 of Chinese complaints. */
const SARCASM = /[“"'‘「][^”"'’」]{1,8}[”"'’」]|真是太?[^，。！？,.!?]{0,4}[“"‘]|呵呵|佩服|真行|真会|厉害了|感谢物业让|谢谢物业让|太感动了|用心良苦|真是[^，。！？]{0,6}(标兵|专家|大师|之王)|堪比|怕不是/;
const CONTRAST = /但是?|可是|可惜|不过|就是|唯一|只是|然而/;
const URGENT = /快来|赶紧|马上|立即|立刻|救命|快派|快报警|快啲/;
const QUESTION = /请问|咨询|想问|问一下|吗[？?]?$|几点|多少|怎么|哪里|是多少/;
const ANGRY_EMOJI = /[😡😤🤬👎🙄😒😑💩🤮😷😫😩😭😱😨]/u;
const HAPPY_EMOJI = /[👍🙏❤️💪😊🌸⭐🥮🎈🏮😂]/u;

/** CJK unified ideographs (the basic block and extension A): a char-code test, cheaper than a Unicode regex per character. */
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

function charBigrams(text: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHan(text.charCodeAt(i)) && isHan(text.charCodeAt(i + 1))) grams.push(`b:${text[i]}${text[i + 1]}`);
  }
  return grams;
}

function wordFeatures(words: string[]): string[] {
  const features: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i].toLowerCase();
    if (PUNCTUATION.test(word)) continue;
    if (!STOPWORDS.has(word)) features.push(`w:${word}`);
    if (NEGATORS.has(word) && i + 1 < words.length && !PUNCTUATION.test(words[i + 1])) features.push(`n:${words[i + 1]}`);
  }
  return features;
}

function cueFeatures(text: string): string[] {
  const cues: string[] = [];
  const exclamations = (text.match(/[！!]/g) ?? []).length;
  const questions = (text.match(/[？?]/g) ?? []).length;
  if (exclamations >= 2) cues.push('c:excl2');
  else if (exclamations === 1) cues.push('c:excl1');
  if (questions >= 2) cues.push('c:q2');
  if (ESCALATION.test(text)) cues.push('c:escalate');
  if (SARCASM.test(text)) cues.push('c:sarcasm');
  if (CONTRAST.test(text)) cues.push('c:contrast');
  if (URGENT.test(text)) cues.push('c:urgent');
  if (QUESTION.test(text)) cues.push('c:question');
  if (ANGRY_EMOJI.test(text)) cues.push('c:angry-emoji');
  if (HAPPY_EMOJI.test(text)) cues.push('c:happy-emoji');
  const length = [...text].length;
  cues.push(length <= 8 ? 'c:len-xs' : length <= 25 ? 'c:len-s' : length <= 60 ? 'c:len-m' : 'c:len-l');
  return cues;
}

/** The distinct features of a text. */
export function featuresOf(text: string): string[] {
  return [...new Set([...wordFeatures(segment(text)), ...charBigrams(text), ...cueFeatures(text)])];
}
