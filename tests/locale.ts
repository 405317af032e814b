import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** Reads a locale file and answers `getMessage` the way the browser does, placeholders included. */
export function localeMessages(locale: string): Record<string, LocaleEntry> {
  const path = resolve(import.meta.dirname, '../public/_locales', locale, 'messages.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, LocaleEntry>;
}

export function createGetMessage(messages: Record<string, LocaleEntry>) {
  return (key: string, substitutions?: string | string[]): string => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      if (!content) return whole;
      return content.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    });
  };
}
