/** User text inside the page's sentences: bidi controls dropped, the rest isolated (issue 13, point 12). */
import { describe, expect, it } from 'vitest';
import { isolate, plain, shorten } from '../../src/ui/userText';

describe('user text', () => {
  it('loses its embedding, override and isolate controls, keeps the rest', () => {
    expect(plain('\u202Eevil\u202C \u2067name\u2069 \u200Fשלום')).toBe('evil name \u200Fשלום');
  });

  it('is isolated by FSI..PDI, which a stray PDI inside cannot close early', () => {
    expect(isolate('a\u2069\u202Eb')).toBe('\u2068ab\u2069');
  });

  it('is shortened with an ellipsis', () => {
    expect(shorten('abcdef', 4)).toBe('abc…');
    expect(shorten('abc', 4)).toBe('abc');
  });
});
