/**
 * Checking a server address typed in Settings before it is saved: http(s) only, a host, no user
 * name or password (tokens never travel in URLs). Main checks again (shared/contracts/ipc.ts).
 */
import type { Outcome } from './bridge.js';

/** The address, trimmed and without trailing slashes, or a Vietnamese message saying what is wrong. */
export function checkServerUrl(raw: string): Outcome<string> {
  const text = raw.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      messageVi: `"${raw.trim()}" không phải địa chỉ máy chủ hợp lệ. Hãy nhập đầy đủ, ví dụ http://192.168.1.10:1234.`,
      messageEn: `"${raw.trim()}" is not a valid server address; type it in full, e.g. http://192.168.1.10:1234.`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, messageVi: 'Địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://.', messageEn: 'The server address must start with http:// or https://.' };
  }
  if (url.hostname === '') {
    return { ok: false, messageVi: 'Địa chỉ máy chủ thiếu tên máy hoặc địa chỉ IP.', messageEn: 'The server address has no host.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, messageVi: 'Không được ghi tên đăng nhập hay mật khẩu trong địa chỉ máy chủ.', messageEn: 'The server address may not contain a user name or password.' };
  }
  return { ok: true, value: text };
}
