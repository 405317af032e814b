import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForRequests, type RequestHandlers } from '@/utils/platform/messaging/request-listener';

type Listener = (message: unknown, sender: object, sendResponse: (reply: unknown) => void) => unknown;

const ok = vi.fn(async () => ({ ok: true as const }));
const handlers = { routine: ok, sitting: ok, data: ok, settings: ok, refresh: ok } as unknown as RequestHandlers;

/** The listener as the browser holds it, called as Chrome's own API calls it: a returned promise is not a reply there. */
function addedListener(): Listener {
  const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  listenForRequests(handlers);
  return addListener.mock.calls[0]?.[0] as unknown as Listener;
}

describe('the command listener', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it("replies through sendResponse and keeps the channel open, as Chrome's own API needs", async () => {
    const sendResponse = vi.fn();
    const kept = addedListener()({ type: 'refresh' }, {}, sendResponse);
    expect(kept).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ res: { ok: true } }));
  });

  it('refuses a stranger through sendResponse too', () => {
    const sendResponse = vi.fn();
    expect(addedListener()({ type: 'constructor' }, {}, sendResponse)).toBe(true);
    expect(sendResponse).toHaveBeenCalledWith({ res: { ok: false, error: 'error_unknown_command' } });
  });
});
