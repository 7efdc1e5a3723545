/**
 * Turns zod's issues into one {@link DomainError} a clerk can act on: each problem named by the
 * field's Vietnamese label ("Họ tên: Không được để trống"), and an English version for the log.
 */
import type { z } from 'zod';
import { domainError, err, ok, type DomainError, type Result } from './result.js';

const FIELD_LABELS: Record<string, { vi: string; en: string }> = {
  fullName: { vi: 'Họ tên', en: 'Full name' },
  name: { vi: 'Họ tên', en: 'Name' },
  role: { vi: 'Tư cách tham gia tố tụng', en: 'Role' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  birthYear: { vi: 'Năm sinh', en: 'Year of birth' },
  acceptanceNumber: { vi: 'Số thụ lý', en: 'Acceptance number' },
  acceptanceDate: { vi: 'Ngày thụ lý', en: 'Acceptance date' },
  subject: { vi: 'Nội dung vụ án', en: 'Subject' },
  type: { vi: 'Loại vụ án', en: 'Case type' },
  level: { vi: 'Cấp xét xử', en: 'Procedure level' },
  status: { vi: 'Trạng thái', en: 'Status' },
  startsAt: { vi: 'Thời gian mở phiên tòa', en: 'Start time' },
  outcome: { vi: 'Kết quả', en: 'Outcome' },
  trialDecisionNumber: { vi: 'Số quyết định đưa vụ án ra xét xử', en: 'Trial decision number' },
  judgmentNumber: { vi: 'Số bản án', en: 'Judgment number' },
  format: { vi: 'Định dạng tệp', en: 'File format' },
  formatVersion: { vi: 'Phiên bản tệp', en: 'File version' },
  parties: { vi: 'Đương sự', en: 'Parties' },
  cases: { vi: 'Vụ án', en: 'Cases' },
  hearings: { vi: 'Phiên tòa', en: 'Hearings' },
  reasons: { vi: 'Lý do không công bố', en: 'Reasons not to publish' },
  legalEffectDate: { vi: 'Ngày có hiệu lực pháp luật', en: 'Legal-effect date' },
  publishedAt: { vi: 'Ngày công bố', en: 'Publication date' },
  decidedBy: { vi: 'Người quyết định', en: 'Decided by' },
};

function describePath(path: readonly PropertyKey[]): { vi: string; en: string } {
  const last = [...path].reverse().find((part) => typeof part === 'string');
  const label = typeof last === 'string' ? FIELD_LABELS[last] : undefined;
  const where = path.map(String).join('.');
  if (label) return { vi: label.vi, en: `${label.en} (${where})` };
  return { vi: where || 'Dữ liệu', en: where || 'Data' };
}

/** A single-line summary of up to `limit` issues. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], limit = 3): { vi: string; en: string } {
  const shown = issues.slice(0, limit).map((issue) => {
    const where = describePath(issue.path);
    return { vi: `${where.vi}: ${issue.message}`, en: `${where.en}: ${issue.message}` };
  });
  const more = issues.length > limit ? issues.length - limit : 0;
  return {
    vi: shown.map((s) => s.vi).join('; ') + (more ? `; và ${more} lỗi khác` : ''),
    en: shown.map((s) => s.en).join('; ') + (more ? `; and ${more} more` : ''),
  };
}

/** Parses `input` with `schema`; on failure a Vietnamese-first error naming the fields. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code = 'validation.failed',
): Result<z.output<S>, DomainError> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const text = describeIssues(parsed.error.issues);
  return err(domainError(code, `Dữ liệu chưa hợp lệ. ${text.vi}.`, `Invalid data. ${text.en}.`));
}
