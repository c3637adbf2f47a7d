import { describe, expect, it } from 'vitest';
import { addressPlace } from './address-place.ts';
import { audienceRows } from './audience-rows.ts';
import { sha256Hex } from './sha256-hex.ts';

describe('addressPlace', () => {
  it.each([
    ['〒100-0004 東京都千代田区大手町1丁目1番1号', '東京都', '千代田区'],
    ['〒231-0005 神奈川県横浜市中区本町6丁目50番地', '神奈川県', '横浜市'],
    ['〒510-8601 三重県四日市市諏訪町1番5号', '三重県', '四日市市'],
    ['〒948-8501 新潟県十日町市千歳町3丁目3番地', '新潟県', '十日町市'],
    ['〒398-8601 長野県大町市大町3887', '長野県', '大町市'],
    ['〒639-1198 奈良県大和郡山市北郡山町248番地4', '奈良県', '大和郡山市'],
    ['〒044-0001 北海道虻田郡倶知安町北1条東3丁目3番地', '北海道', '倶知安町'],
    ['〒194-8520 東京都町田市森野2丁目2番22号', '東京都', '町田市'],
    ['〒162-0843 東京都新宿区市谷田町1丁目', '東京都', '新宿区'],
  ])('reads %s as %s %s', (address, prefecture, municipality) => {
    expect(addressPlace(address)).toEqual({
      zip: address.slice(1, 9),
      country: 'JP',
      prefecture,
      municipality,
    });
  });

  it('gives only the zip when no prefecture follows, and nothing without a postal code', () => {
    expect(addressPlace('〒100-0001 Chiyoda, Tokyo')).toEqual({ zip: '100-0001', country: 'JP' });
    expect(addressPlace('東京都千代田区大手町1-1')).toBeUndefined();
  });

  it('fills Meta’s CT, ST and DOBY columns from the address and date of birth', () => {
    const result = audienceRows('meta', [
      { id: 'e', category: 'email', value: 'a@example.jp' },
      { id: 'a', category: 'address', value: '〒100-0004 東京都千代田区大手町1丁目1番1号' },
      { id: 'b', category: 'birthDate', value: '1997-02-14' },
    ]);
    expect(result.rows).toEqual([
      {
        email: sha256Hex('a@example.jp'),
        zip: sha256Hex('100-0004'),
        country: sha256Hex('jp'),
        state: sha256Hex('東京都'),
        city: sha256Hex('千代田区'),
        dateOfBirth: sha256Hex('19970214'),
        birthYear: sha256Hex('1997'),
      },
    ]);
    expect(
      audienceRows('google', [{ id: 'a', category: 'address', value: '〒100-0004 東京都千代田区' }])
        .rows,
    ).toEqual([]);
  });
});
