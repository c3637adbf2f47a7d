import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../security/test-support.ts';
import { addressZip } from './address-zip.ts';
import { audienceRows } from './audience-rows.ts';
import { metaBatchWriter, META_SCHEMA } from './meta-batch-writer.ts';
import { openAudienceWriter } from './open-audience-writer.ts';
import { sha256Hex } from './sha256-hex.ts';
import { splitName } from './split-name.ts';
import { yahooListPath } from './yahoo-list-writer.ts';

describe('metaBatchWriter', () => {
  it('writes one NDJSON line per batch of at most the batch size,', async () => {
    const path = join(tempDir(), 'meta.ndjson');
    const writer = metaBatchWriter(path, 2);
    for (const email of ['a', 'b', 'c']) writer.add({ email });
    const [file] = await writer.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { data: unknown[] }).data.length)).toEqual([2, 1]);
    expect((JSON.parse(lines[0]!) as { schema: string[] }).schema).toEqual(META_SCHEMA);
    expect(file).toMatchObject({ name: 'meta.ndjson', rows: 3 });
    // Written row by row, the bytes are still those of the batch serialized whole.
    expect(lines[1]).toBe(
      JSON.stringify({
        schema: META_SCHEMA,
        data: [META_SCHEMA.map((_, i) => (i === 0 ? 'c' : ''))],
      }),
    );
  });
});

describe('a writer whose file fails', () => {
  it('rejects the next drain when its file cannot be opened, and aborts without hanging', async () => {
    const path = join(tempDir(), 'missing-dir', 'audience.csv');
    const writer = openAudienceWriter('google', path);
    writer.add({ email: 'a' });
    // The open fails while the caller is elsewhere: kept, not thrown from nowhere.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(writer.drain()).rejects.toMatchObject({ code: 'ENOENT' });
    await writer.abort();
    expect(existsSync(path)).toBe(false);
  });
});

describe('audience rows', () => {
  it('splits only two-part Japanese names, family name first', () => {
    expect(splitName('山田 太郎')).toEqual({ lastName: '山田', firstName: '太郎' });
    expect(splitName('Taro Yamada')).toBeUndefined();
    expect(splitName('山田太郎')).toBeUndefined();
  });

  it('reads a zip code only from an address that starts with a Japanese postal code', () => {
    expect(addressZip('〒100-0001 東京都千代田区千代田1-1')).toEqual({
      zip: '100-0001',
      country: 'JP',
    });
    expect(addressZip('東京都千代田区千代田1-1')).toBeUndefined();
  });

  it('pairs the i-th e-mail and phone, repeats the name, and counts what did not normalize', () => {
    const rows = audienceRows('google', [
      { id: 'e1', category: 'email', value: 'a@example.jp' },
      { id: 'e2', category: 'email', value: 'b@example.jp' },
      { id: 'p1', category: 'phone', value: '+819012345678' },
      { id: 'n1', category: 'name', value: 'Taro Yamada' },
      { id: 'a1', category: 'address', value: '〒100-0001 東京都' },
    ]);
    expect(rows.rows).toEqual([
      {
        email: sha256Hex('a@example.jp'),
        phone: sha256Hex('+819012345678'),
        zip: '100-0001',
        country: 'JP',
      },
      { email: sha256Hex('b@example.jp'), zip: '100-0001', country: 'JP' },
    ]);
    expect(rows.notNormalized).toEqual(['name_not_split']);
    expect(rows.categories).toEqual(['address', 'email', 'phone']);
  });

  it('leaves out of Google’s contact CSV what it has no column for', () => {
    const rows = audienceRows('google', [
      { id: 'm1', category: 'advertisingId', value: '6D92078A-8246-4BA4-AE5B-76104861E7DC' },
    ]);
    expect(rows).toEqual({ rows: [], itemIds: [], categories: [], notNormalized: [] });
  });

  it('names the files of Yahoo! JAPAN lists after the list', () => {
    expect(yahooListPath('/x/out.txt', 'email')).toBe('/x/out.email.txt');
    expect(yahooListPath('/x.d/out', 'phone')).toBe('/x.d/out.phone');
  });
});
