// Code passed to worker.evaluate() runs inside the extension, where Chromium's own `chrome` global exists.
/// <reference types="chrome" />
