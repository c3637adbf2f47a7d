import { describe, expect, it } from 'vitest';
import { maskAddress } from './mask-address.ts';

describe('maskAddress', () => {
  it('keeps of an e-mail only the first letters and the top-level domain', () => {
    expect(maskAddress('email', 'taro.yamada@yamada-family.co.jp')).toBe('t***@y***.jp');
    expect(maskAddress('email', 'a@localhost')).toBe('a***@l***');
    expect(maskAddress('email', 'no-at-sign')).toBe('***');
  });

  it('keeps of a phone its country code and last two digits, of an address its first three letters', () => {
    expect(maskAddress('phone', '+819011112222')).toBe('+81********22');
    expect(maskAddress('post', '東京都千代田区大手町1-1-1')).toBe('東京都***');
  });
});
