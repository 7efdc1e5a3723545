import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../../main/app-origin.js';

describe('isAppUrl', () => {
  it('accepts the app origin and its pages', () => {
    expect(APP_ORIGIN).toBe('app://courtdesk');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://courtdesk')).toBe(true);
    expect(isAppUrl('app://courtdesk/cases/12?tab=parties#top')).toBe(true);
    expect(isAppUrl('APP://COURTDESK/index.html')).toBe(true);
  });

  it.each([
    'app://courtdesk.evil.com/',
    'app://courtdesk@evil.com/',
    'app://evil.com/#app://courtdesk/',
    'app://courtdesk:1234/',
    'https://courtdesk/',
    'file:///courtdesk/index.html',
    'javascript:alert(1)//app://courtdesk/',
    'app:courtdesk/index.html',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
