import { isbot } from 'isbot';

export const CLIENT_CLASSES = ['android', 'ios', 'desktop', 'bot', 'other'] as const;
export type ClientClass = (typeof CLIENT_CLASSES)[number];

/**
 * The coarse class of a client from its User-Agent: all a scan keeps about who scanned (no IP, no
 * raw User-Agent). Bots first (isbot's maintained list: crawlers, link previews such as Zalo's and
 * Facebook's, scripts, headless browsers): they are not consumer scans.
 */
export function clientClassOf(userAgent: string | undefined): ClientClass {
  if (!userAgent) return 'other';
  if (isbot(userAgent)) return 'bot';
  if (/android/i.test(userAgent)) return 'android';
  if (/iphone|ipad|ipod|ios\b/i.test(userAgent)) return 'ios';
  if (/windows nt|macintosh|mac os x|x11|linux|cros/i.test(userAgent)) return 'desktop';
  return 'other';
}
