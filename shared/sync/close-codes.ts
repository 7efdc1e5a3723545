/**
 * WebSocket close codes the court server uses, with what the user reads. The 44xx range follows
 * the y-websocket client's convention: a code in 4400-4499 means "reconnecting will not help"
 * (the stock `WebsocketProvider` stops and emits `closed`); every other code is retried.
 */
import type { Label } from '../domain/vocabulary.js';

export const CLOSE_CODES = {
  /** The room name is not a valid `court/{court}/{case|doc}/{id}`. */
  badRoom: 4400,
  /** No token, a forged or an expired token: log in again. */
  unauthorized: 4401,
  /** A room of another court, or a document this account may not read. */
  forbidden: 4403,
  /** The document is finalised (signed by all): the server refused a change to its content. */
  documentFinalised: 4409,
  /** A frame the server could not decode (RFC 6455 1002, protocol error). */
  protocolError: 1002,
  /** A text frame where binary is expected (RFC 6455 1003). */
  unsupportedData: 1003,
  /** A message the connection may not send, e.g. too much data while the doc loads (1008). */
  policyViolation: 1008,
  /** A frame over the size limit (RFC 6455 1009). */
  tooLarge: 1009,
  /** The server failed to load or store the document (RFC 6455 1011): retry later. */
  serverError: 1011,
  /** The server is shutting down (RFC 6455 1001): retry later. */
  goingAway: 1001,
} as const;

export type CloseCodeName = keyof typeof CLOSE_CODES;

export const CLOSE_CODE_LABELS: Record<CloseCodeName, Label> = {
  badRoom: { vi: 'Tên tài liệu đồng bộ không hợp lệ.', en: 'Invalid sync room name.' },
  unauthorized: { vi: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.', en: 'Session expired or invalid. Please log in again.' },
  forbidden: { vi: 'Tài khoản không có quyền truy cập tài liệu này.', en: 'This account may not access this document.' },
  documentFinalised: {
    vi: 'Văn bản đã được ký đủ và khóa: máy chủ không nhận thay đổi nội dung. Hãy ghi đính chính nếu cần sửa.',
    en: 'The document is finalised: the server does not accept changes to its content. Add a correction instead.',
  },
  protocolError: { vi: 'Dữ liệu đồng bộ không đọc được; kết nối đã đóng.', en: 'Unreadable sync data; connection closed.' },
  unsupportedData: { vi: 'Dữ liệu đồng bộ không đúng định dạng.', en: 'Sync data in the wrong format.' },
  policyViolation: { vi: 'Kết nối gửi dữ liệu không được phép.', en: 'The connection sent data it may not send.' },
  tooLarge: { vi: 'Bản cập nhật quá lớn để gửi một lần.', en: 'Update too large to send at once.' },
  serverError: { vi: 'Máy chủ tạm thời không sẵn sàng (không đọc hoặc lưu được tài liệu). Sẽ thử lại sau.', en: 'The court server failed to read or store the document. Will retry.' },
  goingAway: { vi: 'Máy chủ tòa án đang khởi động lại.', en: 'The court server is restarting.' },
};

/** The name of a close code, or undefined for codes the server does not use. */
export function closeCodeName(code: number): CloseCodeName | undefined {
  return (Object.keys(CLOSE_CODES) as CloseCodeName[]).find((name) => CLOSE_CODES[name] === code);
}
