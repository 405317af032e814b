/**
 * What an end-to-end test needs from a browser with the built extension in it,
 * whichever browser that is. The Firefox fixture implements it; the Chromium
 * fixture can adopt it (its inWorker/killWorker are the same ideas). `P` is the
 * driver's page type: Playwright's in Chromium, Puppeteer's in Firefox.
 */
export interface BrowserHarness<P> {
  /** The extension's own origin, e.g. chrome-extension://ID or moz-extension://UUID. */
  readonly origin: string;
  /** The profile directory, kept across restart() and removed by close() unless told otherwise. */
  readonly userDataDir: string;
  /** Opens an extension page (e.g. 'popup.html') in a new tab and waits until it has loaded. */
  openPage(path: string): Promise<P>;
  /**
   * Runs a function with the extension's privileges (its `chrome`/`browser` APIs),
   * waking the background first if it was stopped. The function is serialised:
   * it sees only its argument.
   */
  inBackground<R>(fn: () => R | Promise<R>): Promise<R>;
  inBackground<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Stops the background the way the browser does when it has been idle. */
  stopBackground(): Promise<void>;
  /** Closes the browser and starts it again on the same profile, with no user action. */
  restart(): Promise<void>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}
