/**
 * Who keeps their name: the officers of the proceedings (người tiến hành tố tụng: judges, assessors,
 * clerks, prosecutors) keep it (§3.3, judgment 19/2021/HS-ST); every participant is anonymised.
 * Roles come as codes or as the Vietnamese labels a clerk types.
 */
import { PANEL_ROLES, STAFF_ROLES } from '../domain/vocabulary.js';
import { foldVietnamese } from '../text/fold.js';

const OFFICER_CODES = new Set<string>([...PANEL_ROLES, ...STAFF_ROLES, 'officer']);
const OFFICER_WORDS = ['tham phan', 'chu toa', 'hoi tham', 'thu ky', 'kiem sat vien', 'kiem sat', 'tham tra vien'];

export function isOfficerRole(role: string): boolean {
  if (OFFICER_CODES.has(role.trim())) return true;
  const folded = foldVietnamese(role);
  return OFFICER_WORDS.some((word) => folded.includes(word));
}

/** Name prefixes of organisations ("Công ty …"); a party without `kind` is an organisation when its name starts so. */
const ORGANISATION_START =
  /^(công ty|tổng công ty|doanh nghiệp|dntn|ngân hàng|hợp tác xã|chi nhánh|ủy ban|uỷ ban|ubnd|cơ quan|chi cục|cục|sở|phòng|trường|bệnh viện|văn phòng|tổ chức|hội|ban|tập đoàn|quỹ)\s/iu;

export function looksLikeOrganisation(name: string): boolean {
  return ORGANISATION_START.test(name.trim());
}
