import type { AudienceRow } from './audience-row.ts';
import type { AudienceWriter } from './audience-writer.ts';
import { openFileSink, type FileSink } from './file-sink.ts';

/** Yahoo! JAPAN's lists: each its own file (a list is uploaded by itself). */
export const YAHOO_LISTS = ['email', 'phone', 'advertisingId'] as const;

/** The file of one list: `audience.txt` → `audience.email.txt`. */
export function yahooListPath(path: string, list: (typeof YAHOO_LISTS)[number]): string {
  const dot = path.lastIndexOf('.');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return dot > slash ? `${path.slice(0, dot)}.${list}${path.slice(dot)}` : `${path}.${list}`;
}

/** Yahoo! JAPAN audience lists: one value per line, one file per list. */
export function yahooListWriter(path: string): AudienceWriter {
  const sinks = new Map<string, FileSink>(
    YAHOO_LISTS.map((l) => [l, openFileSink(yahooListPath(path, l))]),
  );
  return {
    add(row: AudienceRow) {
      for (const list of YAHOO_LISTS) {
        const value = row[list];
        if (value !== undefined) sinks.get(list)!.line(value);
      }
    },
    async drain() {
      await Promise.all([...sinks.values()].map((s) => s.drain()));
    },
    async close() {
      return Promise.all([...sinks.values()].map((s) => s.close()));
    },
    async abort() {
      await Promise.all([...sinks.values()].map((s) => s.discard()));
    },
  };
}
