import type { Localized } from '../policy/index.ts';
import type { AnonymizationReport } from './anonymize-dataset.ts';
import type { AnonymizeTables } from './anonymize-tables.ts';

/** A data set as the API shows it: the job's state and progress, the report, the publication. */
export interface DatasetView {
  readonly id: string;
  readonly name: string;
  readonly state: 'running' | 'done' | 'failed';
  readonly phase: string;
  readonly progress: { readonly done: number; readonly total: number };
  readonly report: AnonymizationReport | null;
  readonly rows: number | null;
  readonly error: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly publication: {
    readonly items: readonly Localized[];
    readonly method: Localized;
    readonly publishedAt: string;
    readonly publishedBy: string;
  } | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** The view of a row (the data set itself is only downloaded, never in the view). */
export function datasetView(row: AnonymizeTables['anonymized_datasets']): DatasetView {
  return {
    id: row.id,
    name: row.name,
    state: row.state as DatasetView['state'],
    phase: row.phase,
    progress: { done: Number(row.done), total: Number(row.total) },
    report: row.report === null ? null : (JSON.parse(row.report) as AnonymizationReport),
    rows: row.rows === null ? null : Number(row.rows),
    error: row.error,
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
    finishedAt: iso(row.finished_at),
    publication:
      row.published_at === null
        ? null
        : {
            items: JSON.parse(row.published_items!) as Localized[],
            method: JSON.parse(row.published_method!) as Localized,
            publishedAt: iso(row.published_at)!,
            publishedBy: row.published_by!,
          },
  };
}
