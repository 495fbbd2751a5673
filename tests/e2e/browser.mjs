// browser.mjs — starts Debian's Chromium through playwright-core with the
// flags this machine needs, on a fresh temporary profile. Shared by the browser
// tests and the screenshot tool.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lang } from './words.mjs';

export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// launch returns a fresh browser context; close() also deletes its profile.
// Its browser's language is the test's (E2E_LANG, words.mjs) unless
// options.context sets a locale: the page starts in that language.
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'lstm-pg-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: options.viewport || { width: 1440, height: 900 },
    ...(lang === 'en' ? {} : { locale: lang }),
    ...options.context,
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    rmSync(profile, { recursive: true, force: true });
  };
  return context;
}
