import { describe, expect, it } from '@jest/globals';
import { isLoopbackUrl, labelAddressWarnings } from './public-address.js';

describe('labels pointing to a loopback address', () => {
  it.each(['http://localhost:3000/l/ABCD2345', 'http://127.0.0.1:4000', 'http://[::1]:3000/01/08930000000019/10/A', 'http://app.localhost/', 'http://0.0.0.0:3000'])('%s is loopback', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });
  it.each(['https://truyxuat.example.vn/l/ABCD2345', 'http://192.168.1.20:3000', 'http://localhost.example.vn', 'not a url'])('%s is not', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
  it('warns with a code and the printed address, or not at all', () => {
    expect(labelAddressWarnings('http://localhost:3000/l/ABCD2345')).toEqual([expect.objectContaining({ code: 'PUBLIC_BASE_URL_LOOPBACK', url: 'http://localhost:3000' })]);
    expect(labelAddressWarnings('https://truyxuat.example.vn/l/ABCD2345')).toEqual([]);
  });
});
