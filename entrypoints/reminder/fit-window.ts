import { browser } from 'wxt/browser';

/** The width the reminder is laid out for, in CSS pixels; at 125% zoom its window is a quarter wider, so the layout stays. */
export const REMINDER_WIDTH_CSS = 400;

/** What the page knows of itself, in CSS pixels, and of its window, in screen pixels. */
export interface WindowFit {
  /** The window's outer size (title bar and frame included). */
  outerWidth: number;
  outerHeight: number;
  /** The page's viewport. */
  innerWidth: number;
  innerHeight: number;
  /** The height the content needs. */
  contentHeight: number;
  /** The page zoom: screen pixels per CSS pixel. */
  zoom: number;
  /** The most the screen gives a window. */
  availHeight: number;
}

/**
 * The outer size at which the window shows all of its content at the
 * designed width, or undefined when it already does (to the pixel). The
 * title bar and frame differ per platform and window manager, so they are
 * not guessed: they are what the window has beyond its viewport now.
 */
export function fittedWindowSize(fit: WindowFit): { width: number; height: number } | undefined {
  const width = fit.outerWidth + Math.round((REMINDER_WIDTH_CSS - fit.innerWidth) * fit.zoom);
  const height = Math.min(fit.availHeight, fit.outerHeight + Math.ceil((fit.contentHeight - fit.innerHeight) * fit.zoom));
  if (Math.abs(width - fit.outerWidth) <= 1 && Math.abs(height - fit.outerHeight) <= 1) return undefined;
  return { width, height };
}

/**
 * Keeps the reminder's own window as large as its content: every choice in
 * view whatever the language, the zoom or the platform's title bar. Only a
 * popup-type window is resized (the one the background opened), never a
 * browser window in which the page was opened as a tab. Resizing does not
 * focus the window.
 */
export function keepWindowFitted(content: HTMLElement): void {
  const fit = async () => {
    const [window, zoom] = await Promise.all([browser.windows.getCurrent(), browser.tabs.getZoom()]);
    if (window.type !== 'popup' || window.id === undefined || window.state !== 'normal') return;
    const size = fittedWindowSize({
      outerWidth: window.width ?? globalThis.outerWidth,
      outerHeight: window.height ?? globalThis.outerHeight,
      innerWidth: globalThis.innerWidth,
      innerHeight: globalThis.innerHeight,
      contentHeight: Math.ceil(content.getBoundingClientRect().height),
      zoom,
      availHeight: screen.availHeight,
    });
    if (size) await browser.windows.update(window.id, size);
  };
  // One fit at a time; a change during one is measured again once it has landed.
  let fitting: Promise<void> | undefined;
  let changedMeanwhile = false;
  const refit = () => {
    if (fitting) {
      changedMeanwhile = true;
      return;
    }
    fitting = fit()
      .catch(() => undefined)
      .finally(() => {
        fitting = undefined;
        if (changedMeanwhile) {
          changedMeanwhile = false;
          refit();
        }
      });
  };
  // The content changes (a refusal's reason appears), and so does the viewport (the user zooms, or the resize above lands).
  new ResizeObserver(refit).observe(content);
  addEventListener('resize', refit);
}
