import type { StoreCapabilities } from '../store/index.ts';

/**
 * Rows per import transaction. SQLite serialises writers, so its batches are kept short (about
 * half a second of writing) that a serving process still gets the write lock between them;
 * PostgreSQL takes larger ones to spend fewer round trips per row. Both stay small enough that
 * two batches in memory (one written, one read) keep a 1,000,000-row import under 400 MB.
 */
export function importBatchSize(capabilities: StoreCapabilities): number {
  return capabilities.concurrentWriters ? 2_000 : 1_000;
}
