import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Names Debian and other distributions give the Chromium binary. */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The Chromium to drive: `CHROMIUM_PATH` if set, else the first Chromium on `PATH`; `undefined` when there is none. */
export function findChromium(): string | undefined {
  const candidates = process.env['CHROMIUM_PATH'] ? [process.env['CHROMIUM_PATH']] : (process.env['PATH'] ?? '').split(delimiter).filter(Boolean).flatMap((dir) => CHROMIUM_NAMES.map((name) => join(dir, name)));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
