import { formatClock } from '@/utils/format';

export interface CountdownRingProps {
  remainingMs: number;
  totalMs: number;
  label: string;
  paused: boolean;
}

const RADIUS = 54;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** The step's countdown: large digits inside a ring that empties as the step runs. */
export function CountdownRing({ remainingMs, totalMs, label, paused }: CountdownRingProps) {
  const fraction = totalMs > 0 ? Math.min(1, Math.max(0, remainingMs / totalMs)) : 0;
  return (
    <div class={`ring${paused ? ' ring--paused' : ''}`}>
      <svg viewBox="0 0 120 120" aria-hidden="true">
        <circle class="ring__track" cx="60" cy="60" r={RADIUS} />
        <circle class="ring__progress" cx="60" cy="60" r={RADIUS} stroke-dasharray={CIRCUMFERENCE} stroke-dashoffset={CIRCUMFERENCE * (1 - fraction)} />
      </svg>
      <div class="ring__digits" role="timer" aria-label={label} aria-live="off">
        {formatClock(remainingMs)}
      </div>
    </div>
  );
}
