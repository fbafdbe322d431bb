/** The page's language follows the browser; numbers are written for the language. */
import { describe, expect, it } from 'vitest';
import { formatFixed, formatInt, formatShort, formatUpTo } from '../../src/ui/i18n/numbers';
import { browserLang } from '../../src/ui/teach/lang';

describe('the starting language', () => {
  it('is Chinese for any zh* browser language, else English', () => {
    expect(browserLang(['zh-CN'])).toBe('zh');
    expect(browserLang(['zh-TW', 'en'])).toBe('zh');
    expect(browserLang(['zh'])).toBe('zh');
    expect(browserLang(['en-GB', 'zh-CN'])).toBe('en');
    expect(browserLang(['fr-FR', 'zh-Hans'])).toBe('zh');
    expect(browserLang(['de'])).toBe('en');
    expect(browserLang([])).toBe('en');
  });
});

describe('numbers for people', () => {
  it('uses the language\'s own grouping and decimals', () => {
    expect(formatInt(12345, 'en')).toBe('12,345');
    expect(formatInt(12345, 'zh')).toBe('12,345');
    expect(formatFixed(3.5, 2, 'en')).toBe('3.50');
    expect(formatUpTo(14, 3, 'zh')).toBe('14');
    expect(formatUpTo(0.3000000000000001, 3, 'en')).toBe('0.3');
    expect(formatShort(1000, 'en')).toBe('1,000');
    expect(formatShort(0.01, 'en')).toBe('0.01');
    expect(formatShort(2.456, 'en')).toBe('2.46');
    expect(formatShort(0, 'zh')).toBe('0');
  });
});
