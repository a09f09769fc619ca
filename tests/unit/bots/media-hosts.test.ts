import { describe, expect, it } from 'vitest';
import { isAllowedMediaUrl } from '../../../bots/media-hosts';

const DEFAULTS = ['graph.facebook.com', 'lookaside.fbsbx.com', 'api.telegram.org'];

describe('MEDIA_ALLOWED_HOSTS', () => {
  it('allows the listed hosts over https only', () => {
    expect(isAllowedMediaUrl('https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1', DEFAULTS)).toBe(true);
    expect(isAllowedMediaUrl('http://lookaside.fbsbx.com/x', DEFAULTS)).toBe(false);
    expect(isAllowedMediaUrl('https://evil.example/x', DEFAULTS)).toBe(false);
    expect(isAllowedMediaUrl('https://lookaside.fbsbx.com.evil.example/x', DEFAULTS)).toBe(false);
    expect(isAllowedMediaUrl('https://user:pw@lookaside.fbsbx.com/x', DEFAULTS)).toBe(false);
    expect(isAllowedMediaUrl('file:///etc/passwd', DEFAULTS)).toBe(false);
    expect(isAllowedMediaUrl('not a url', DEFAULTS)).toBe(false);
  });

  it('allows http only for listed loopback hosts, and subdomains with *.', () => {
    expect(isAllowedMediaUrl('http://127.0.0.1:4000/file', ['127.0.0.1'])).toBe(true);
    expect(isAllowedMediaUrl('http://127.0.0.1:4000/file', DEFAULTS)).toBe(false);
    expect(isAllowedMediaUrl('http://169.254.169.254/latest', ['169.254.169.254'])).toBe(false);
    expect(isAllowedMediaUrl('https://scontent.xx.fbcdn.net/v/1', ['*.fbcdn.net'])).toBe(true);
    expect(isAllowedMediaUrl('https://fbcdn.net/v/1', ['*.fbcdn.net'])).toBe(false);
  });
});
