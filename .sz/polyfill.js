import b from 'webextension-polyfill'; globalThis.x=b;
