import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with nothing of its own reaching out (no background networking,
 * updates or sync): the tests decide every request it makes.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
