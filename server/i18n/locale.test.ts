import { localeFromAcceptLanguage, localeFromFlag } from './locale.ts';

describe('choosing the language of messages', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh;q=0.4, en;q=0.7', 'en'],
    ['fr-FR, de;q=0.9', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0, zh;q=0.1', 'zh-CN'],
    ['*', 'zh-CN'],
    ['en;q=garbage', 'en'],
  ])('Accept-Language %p gives %p', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });

  it('reads the command line flag, English by default', () => {
    expect(localeFromFlag(undefined)).toBe('en');
    expect(localeFromFlag('zh')).toBe('zh-CN');
    expect(localeFromFlag('zh-CN')).toBe('zh-CN');
    expect(localeFromFlag('en')).toBe('en');
    expect(localeFromFlag('klingon')).toBe('en');
  });
});
