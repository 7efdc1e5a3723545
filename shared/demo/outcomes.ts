/**
 * The words a clerk records for what happened: the pronouncement of a trial, the result of a
 * mediation, why a hearing was adjourned, why a case was suspended or terminated, and the titles
 * of the decisions that follow. Short lines, as they appear in the court's register.
 */
import type { Party } from '../domain/schemas.js';
import type { CaseType, HearingKind, OffenceClass, PartyRole } from '../domain/vocabulary.js';
import type { CasePlan } from './plan.js';
import type { Rng } from './prng.js';

const pad = (n: number) => String(n).padStart(2, '0');

function sentence(rng: Rng, offenceClass: OffenceClass): string {
  switch (offenceClass) {
    case 'lessSerious':
      return rng.pick([
        () => `${pad(rng.int(6, 24))} tháng tù`,
        () => `${pad(rng.int(6, 24))} tháng tù nhưng cho hưởng án treo, thời gian thử thách ${pad(rng.int(12, 48))} tháng`,
        () => `phạt tiền ${rng.int(10, 50)}.000.000 đồng`,
        () => `${pad(rng.int(6, 24))} tháng cải tạo không giam giữ`,
      ])();
    case 'serious':
      return rng.chance(0.2)
        ? `${pad(rng.int(24, 36))} tháng tù nhưng cho hưởng án treo, thời gian thử thách ${pad(rng.int(48, 60))} tháng`
        : `${pad(rng.int(2, 7))} năm tù`;
    case 'verySerious':
      return `${pad(rng.int(7, 15))} năm tù`;
    case 'especiallySerious':
      return rng.chance(0.2) ? 'tù chung thân' : `${rng.int(15, 20)} năm tù`;
  }
}

const APPEAL_OUTCOMES = [
  'Tuyên án: không chấp nhận kháng cáo, giữ nguyên bản án sơ thẩm',
  'Tuyên án: chấp nhận một phần kháng cáo, sửa bản án sơ thẩm',
  'Tuyên án: hủy bản án sơ thẩm, chuyển hồ sơ cho Tòa án cấp sơ thẩm giải quyết lại',
];

/** What was pronounced at the end of a trial (or decided at a petition's session). */
export function trialOutcome(rng: Rng, plan: CasePlan, parties: readonly Party[]): string {
  if (plan.level === 'PT') return rng.pick(APPEAL_OUTCOMES);
  if (plan.charge) {
    const accused = parties.filter((p) => p.role === 'accused');
    const charge = plan.charge;
    if (accused.length === 1) {
      return `Tuyên án: bị cáo ${accused[0]!.fullName} phạm tội “${charge.charge}”, xử phạt ${sentence(rng, charge.offenceClass)}`;
    }
    return `Tuyên án: các bị cáo phạm tội “${charge.charge}”; ${accused.map((p) => `${p.fullName} ${sentence(rng, charge.offenceClass)}`).join('; ')}`;
  }
  return rng.pick(plan.subject?.outcomes ?? ['Tuyên án']);
}

export function sessionOutcome(kind: HearingKind, result: 'failed' | 'settled'): string {
  if (kind === 'dialogue') return 'Đối thoại không thành';
  return result === 'settled'
    ? 'Hòa giải thành: các đương sự thỏa thuận được với nhau về việc giải quyết toàn bộ vụ án'
    : 'Hòa giải không thành';
}

type Reason = readonly [text: string, absentRole?: PartyRole];
const ADJOURNMENT_REASONS: Record<'civil' | 'criminal' | 'administrative', readonly Reason[]> = {
  civil: [
    ['Bị đơn vắng mặt lần thứ nhất có lý do chính đáng', 'defendant'],
    ['Nguyên đơn có đơn xin hoãn phiên tòa vì lý do sức khỏe', 'plaintiff'],
    ['Người có quyền lợi, nghĩa vụ liên quan vắng mặt lần thứ nhất', 'interestedParty'],
    ['Người bảo vệ quyền và lợi ích hợp pháp của đương sự vắng mặt có lý do', 'legalRightsProtector'],
    ['Cần xác minh, thu thập bổ sung tài liệu, chứng cứ'],
    ['Người yêu cầu vắng mặt lần thứ nhất có lý do chính đáng', 'petitioner'],
  ],
  criminal: [
    ['Bị cáo vắng mặt có lý do chính đáng', 'accused'],
    ['Người bào chữa vắng mặt có lý do', 'defenceCounsel'],
    ['Bị hại vắng mặt, việc vắng mặt gây trở ngại cho việc xét xử', 'victim'],
    ['Người làm chứng quan trọng vắng mặt', 'witness'],
    ['Cần xem xét thêm chứng cứ, tài liệu mà không thể thực hiện ngay tại phiên tòa'],
  ],
  administrative: [
    ['Người bị kiện có đơn đề nghị hoãn phiên tòa', 'respondent'],
    ['Người khởi kiện vắng mặt lần thứ nhất có lý do chính đáng', 'claimant'],
    ['Cần xác minh, thu thập bổ sung tài liệu, chứng cứ'],
  ],
};

/** A reason to adjourn that fits the case's participants, and whose absence it was. */
export function adjournmentReason(rng: Rng, type: CaseType, parties: readonly Party[]): { reason: string; absentId?: string } {
  const group = type === 'HS' ? 'criminal' : type === 'HC' ? 'administrative' : 'civil';
  const fitting = ADJOURNMENT_REASONS[group].filter(([, role]) => role === undefined || parties.some((p) => p.role === role));
  const [reason, role] = rng.pick(fitting);
  const absent = role === undefined ? undefined : parties.find((p) => p.role === role);
  return absent ? { reason, absentId: absent.id } : { reason };
}

const SUSPENSION_REASONS: Record<'civil' | 'criminal', readonly string[]> = {
  civil: [
    'Tạm đình chỉ do chờ kết quả giám định',
    'Tạm đình chỉ do chờ kết quả giải quyết vụ việc khác có liên quan',
    'Tạm đình chỉ do đương sự đã chết, chưa có người kế thừa quyền và nghĩa vụ tố tụng',
    'Tạm đình chỉ do chờ cơ quan có thẩm quyền cung cấp tài liệu, chứng cứ',
  ],
  criminal: ['Tạm đình chỉ do bị cáo bỏ trốn, đã ra quyết định truy nã', 'Tạm đình chỉ do bị cáo bị bệnh hiểm nghèo', 'Tạm đình chỉ do chờ kết quả giám định bổ sung'],
};
const TERMINATION_REASONS: Record<'civil' | 'criminal' | 'appeal', readonly string[]> = {
  civil: ['Đình chỉ do nguyên đơn rút toàn bộ yêu cầu khởi kiện', 'Đình chỉ do nguyên đơn đã được triệu tập hợp lệ lần thứ hai mà vẫn vắng mặt', 'Đình chỉ do người yêu cầu rút đơn yêu cầu'],
  criminal: ['Đình chỉ vụ án do bị hại rút yêu cầu khởi tố', 'Đình chỉ vụ án do Viện kiểm sát rút toàn bộ quyết định truy tố'],
  appeal: ['Đình chỉ xét xử phúc thẩm do người kháng cáo rút toàn bộ kháng cáo'],
};

export function closingReason(rng: Rng, plan: CasePlan, decision: 'termination' | 'suspension'): string {
  if (decision === 'suspension') return rng.pick(SUSPENSION_REASONS[plan.type === 'HS' ? 'criminal' : 'civil']);
  if (plan.level === 'PT') return rng.pick(TERMINATION_REASONS.appeal);
  return rng.pick(TERMINATION_REASONS[plan.type === 'HS' ? 'criminal' : 'civil']);
}

/** The matter as a decision's title names it: "vụ án dân sự", "vụ án hành chính", "việc dân sự". */
function matterOf(plan: CasePlan): string {
  if (plan.type === 'HS') return 'vụ án';
  if (plan.proceeding === 'petition') return plan.type === 'HNGĐ' ? 'việc hôn nhân và gia đình' : 'việc dân sự';
  if (plan.type === 'HC') return 'vụ án hành chính';
  return 'vụ án dân sự';
}

export function decisionTitle(plan: CasePlan, decision: 'settlement' | 'termination' | 'suspension'): string {
  if (decision === 'settlement') return 'Quyết định công nhận sự thỏa thuận của các đương sự';
  if (plan.level === 'PT') return decision === 'termination' ? 'Quyết định đình chỉ xét xử phúc thẩm' : 'Quyết định tạm đình chỉ xét xử phúc thẩm';
  const verb = decision === 'termination' ? 'đình chỉ' : 'tạm đình chỉ';
  return plan.type === 'HS' ? `Quyết định ${verb} vụ án` : `Quyết định ${verb} giải quyết ${matterOf(plan)}`;
}

export function acceptanceNoticeTitle(plan: CasePlan): string {
  return plan.proceeding === 'petition' ? 'Thông báo về việc thụ lý việc dân sự' : 'Thông báo về việc thụ lý vụ án';
}
