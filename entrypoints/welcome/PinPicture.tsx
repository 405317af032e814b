import { t } from '@/utils/platform/i18n';

// Drawn for Roll Call: a schematic toolbar, not a capture of any browser's own UI.
const PUZZLE = 'M4 8h3.5a2.5 2.5 0 0 1 5 0H16v3.5a2.5 2.5 0 0 1 0 5V20H4v-3.5a2.5 2.5 0 0 0 0-5z';
const PIN = 'M9 2h6v2l-1 1v5l3 3v2h-4.2v6L12 22.5 11.2 21v-6H7v-2l3-3V5L9 4z';

function Marker({ x, y, n }: { x: number; y: number; n: number }) {
  return (
    <g class="pin-picture__marker">
      <circle cx={x} cy={y} r="11" />
      <text x={x} y={y + 5} text-anchor="middle">
        {n}
      </text>
    </g>
  );
}

/** How to pin the toolbar button: the puzzle-piece menu open, and its pin beside Roll Call. */
export function PinPicture() {
  return (
    <figure class="pin-picture">
      <svg viewBox="0 0 360 210" role="img" aria-label={t('welcome_pin_picture')}>
        <rect class="pin-picture__bar" x="1" y="4" width="358" height="44" rx="8" />
        <rect class="pin-picture__field" x="14" y="11" width="200" height="26" rx="13" />
        <circle class="pin-picture__ghost" cx="244" cy="24" r="8" />
        <circle class="pin-picture__hot" cx="290" cy="24" r="17" />
        <path class="pin-picture__icon" d={PUZZLE} transform="translate(278 12)" />
        <circle class="pin-picture__ghost" cx="334" cy="16" r="2" />
        <circle class="pin-picture__ghost" cx="334" cy="24" r="2" />
        <circle class="pin-picture__ghost" cx="334" cy="32" r="2" />
        <Marker x={268} y={9} n={1} />

        <rect class="pin-picture__panel" x="120" y="56" width="230" height="112" rx="10" />
        <text class="pin-picture__heading" x="138" y="84">
          {t('welcome_pin_extensions')}
        </text>
        <rect class="pin-picture__row" x="128" y="98" width="214" height="44" rx="6" />
        <circle class="pin-picture__app" cx="152" cy="120" r="11" />
        <text class="pin-picture__label" x="172" y="125">
          {t('extName')}
        </text>
        <circle class="pin-picture__hot" cx="318" cy="120" r="17" />
        <path class="pin-picture__icon" d={PIN} transform="translate(306 108)" />
        <Marker x={342} y={96} n={2} />

        <path class="pin-picture__arrow" d="M250 192 C 290 192, 318 175, 318 144" />
        <path class="pin-picture__arrow" d="M312 152 L318 142 L324 152" />
        <text class="pin-picture__callout" x="244" y="197" text-anchor="end">
          {t('welcome_pin_here')}
        </text>
      </svg>
    </figure>
  );
}
