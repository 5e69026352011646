/**
 * Progress lines for work that can take more than a few seconds: at most one line a second (and
 * the last), with the time left estimated from the mean time per item so far. They go to
 * io.progress: stderr, silent under --json unless --progress (cli/main.ts).
 */
import type { Io } from './args.ts';

export function progressMeter(io: Io, label: string, total: number, minIntervalMs = 1000): (done: number, note?: string) => void {
  const t0 = performance.now();
  let last = t0;
  return (done, note) => {
    const now = performance.now();
    if (done < total && now - last < minIntervalMs) return;
    last = now;
    const elapsed = (now - t0) / 1000;
    const left = done > 0 ? (elapsed / done) * (total - done) : NaN;
    const eta = done >= total ? `done in ${elapsed.toFixed(1)} s` : Number.isFinite(left) ? `~${formatSeconds(left)} left` : '';
    io.progress?.(`${label}: ${done}/${total}${note ? ` ${note}` : ''}${eta ? `; ${eta}` : ''}`);
  };
}

export function formatSeconds(s: number): string {
  if (s < 90) return `${s.toFixed(0)} s`;
  if (s < 5400) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
