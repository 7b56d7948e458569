export const CLIENT_CLASSES = ['android', 'ios', 'desktop', 'bot', 'other'] as const;
export type ClientClass = (typeof CLIENT_CLASSES)[number];

const BOT = /bot\b|crawl|spider|slurp|preview|fetch|curl\/|wget|python|java\/|go-http|okhttp|axios|node-fetch|undici|headless|lighthouse|facebookexternalhit|zalo.*(crawler|bot)/i;

/**
 * The coarse class of a client from its User-Agent: all a scan keeps about who scanned (no IP, no
 * raw User-Agent). Bots first: link previews (Zalo, Facebook) and scripts are not consumer scans.
 */
export function clientClassOf(userAgent: string | undefined): ClientClass {
  if (!userAgent) return 'other';
  if (BOT.test(userAgent)) return 'bot';
  if (/android/i.test(userAgent)) return 'android';
  if (/iphone|ipad|ipod|ios\b/i.test(userAgent)) return 'ios';
  if (/windows nt|macintosh|mac os x|x11|linux|cros/i.test(userAgent)) return 'desktop';
  return 'other';
}
