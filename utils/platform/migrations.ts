import { storage } from '@wxt-dev/storage';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from '../settings/settings';
import { settingsItem } from './storage';

/**
 * Brings stored data up to this version. Only the background calls this, at
 * the top of every worker start: `@wxt-dev/storage` runs declared migrations
 * in whichever context defines the item, and logs rather than reports a
 * failure, so pages never declare them.
 */
export async function runMigrations(): Promise<void> {
  const versioned = storage.defineItem<Record<string, unknown>>(settingsItem.key, {
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
  // Defining the item starts its migration; reading the meta waits for it to end.
  await versioned.getMeta();
  // A first install has nothing to migrate; stamp the version so a later update knows where it starts.
  const meta = await settingsItem.getMeta();
  if ((meta as { v?: number }).v === undefined) await settingsItem.setMeta({ v: SETTINGS_VERSION });
}
