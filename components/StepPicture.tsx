import type { Step } from '@/utils/routine/presets';

export interface StepPictureProps {
  step: Pick<Step, 'kind' | 'side'>;
  size: 'large' | 'medium' | 'small';
  /** Holds the drawing still (the reminder window shows what comes, it does not play it). */
  still?: boolean;
}

/** The fragment that stops a drawing: each SVG under public/drawings/ halts its animation when its root is `:target`. */
const STILL = '#still';

/** Whether the page asks for less motion; the drawing's own media query covers the system setting, this covers the page's. */
function prefersLessMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The drawing of a step's exercise, loaded as a file so it never weighs on a
 * page's script. Each drawing shows the left side (the figure faces right, its
 * near leg working); a right-side step shows it mirrored.
 *
 * The alt text is empty on purpose: the step's title and instructions always
 * stand next to the picture, so a screen reader would only hear them twice.
 */
export function StepPicture({ step, size, still = false }: StepPictureProps) {
  const mirrored = step.side === 'right';
  return (
    <img
      class={`picture picture--${size}${mirrored ? ' picture--mirrored' : ''}`}
      src={`/drawings/${step.kind}.svg${still || prefersLessMotion() ? STILL : ''}`}
      alt=""
      width={120}
      height={100}
      draggable={false}
    />
  );
}
