import { describe, expect, it } from '@jest/globals';
import { clientClassOf } from './client-class.js';

describe('clientClassOf', () => {
  it.each([
    ['Mozilla/5.0 (Linux; Android 11; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36', 'android'],
    ['Mozilla/5.0 (Linux; Android 12; Redmi) AppleWebKit/537.36 Chrome/119 Mobile Safari/537.36 Zalo android/12 ZaloTheme/light', 'android'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1', 'ios'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36', 'desktop'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.1 Safari/605.1.15', 'desktop'],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'bot'],
    ['facebookexternalhit/1.1', 'bot'],
    ['curl/8.5.0', 'bot'],
    ['python-requests/2.31', 'bot'],
    ['Mozilla/5.0 (compatible; Zalo-Crawler/1.0)', 'bot'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36', 'bot'],
    ['', 'other'],
    [undefined, 'other'],
  ])('%s → %s', (userAgent, expected) => {
    expect(clientClassOf(userAgent)).toBe(expected);
  });
});
