import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCsvRow } from './csv/format-csv-row.ts';
import { IMPORT_COLUMN_NAMES, type ImportRow } from './import-columns.ts';

/** A fresh temporary directory. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'hogo-intake-'));

/** A valid import row: a registered customer with a name, kana, e-mail, phone and address. */
export function buildRow(overrides: Partial<Record<string, string>> = {}): ImportRow {
  return {
    externalId: 'C0001',
    group: 'REG',
    name: '山田 太郎',
    nameKana: 'ヤマダ タロウ',
    email: 'taro.yamada@example.jp',
    phone: '090-1234-5678',
    postalCode: '100-0001',
    address: '東京都千代田区千代田1-1',
    birthDate: '1980-04-01',
    gender: '男性',
    channel: 'writing',
    source: 'direct',
    provider: '',
    acquiredAt: '2023-05-01T10:00:00+09:00',
    serviceId: 'ocn-hikari',
    serviceName: 'OCN 光',
    serviceStartedAt: '2022-07-01T00:00:00+09:00',
    transferredFromDocomo: 'true',
    claimsAssignee: '',
    ...overrides,
  };
}

/** The rows as an RFC 4180 CSV text with the full header. */
export function csvText(rows: readonly ImportRow[]): string {
  return [IMPORT_COLUMN_NAMES, ...rows.map((r) => IMPORT_COLUMN_NAMES.map((c) => r[c] ?? ''))]
    .map(formatCsvRow)
    .join('');
}

/** Writes `content` to a new file in a temporary directory; returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}
