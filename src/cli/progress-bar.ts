/** A progress line on a terminal; silent when the stream is not one (logs, pipes, CI). */
export interface ProgressBar {
  update(done: number, note: string): void;
  done(): void;
}

const WIDTH = 30;

/**
 * A progress bar of `done` out of `total` on `stream`, redrawn in place at most ten times a
 * second, only when the stream is a TTY: piped output stays free of control characters.
 */
export function progressBar(stream: NodeJS.WriteStream, label: string, total: number): ProgressBar {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(done, note) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(ratio * WIDTH);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${note}\u001b[K`,
      );
    },
    done() {
      if (shown) stream.write('\n');
    },
  };
}
