/** A progress bar on standard error, shown only when it is a terminal. */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(label?: string): void;
  stop(): void;
}

export function startProgress(total: number, title: string): Progress {
  if (!process.stderr.isTTY || total < 2) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${title} [{bar}] {value}/{total} ETA {eta_formatted} {label}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    tick(label = '') {
      bar.increment(1, { label });
    },
    stop() {
      bar.stop();
    },
  };
}

export interface FractionProgress {
  update(fraction: number, stage: string): void;
  stop(): void;
}

/** A percentage bar on standard error for one long run (shown only on a terminal). */
export function startFractionProgress(title: string): FractionProgress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${title} [{bar}] {percentage}% {stage}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { stage: '' });
  return {
    update(fraction, stage) {
      bar.update(Math.round(Math.min(1, Math.max(0, fraction)) * 100), { stage });
    },
    stop() {
      bar.stop();
    },
  };
}
