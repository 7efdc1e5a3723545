/**
 * First-instance judgments: 52-DS (one form for DS, HNGĐ, KDTM, LĐ; NQ 01/2017), 27-HS (criminal;
 * NQ 05/2017, reconstructed from judgment 19/2021/HS-ST) and 22-HC (administrative; NQ 02/2017).
 * Structure: vn-court-forms.md §1.7. The judge writes the reasoning where "……" stands.
 */
import { front, judgmentHeader, judgmentSignature, officers, otherGroup, partyGroup } from './fragments.js';

const ENFORCEMENT =
  'Trường hợp bản án, quyết định được thi hành theo quy định tại Điều 2 Luật Thi hành án dân sự thì người được thi hành án dân sự, người phải thi hành án dân sự có quyền thỏa thuận thi hành án, quyền yêu cầu thi hành án, tự nguyện thi hành án hoặc bị cưỡng chế thi hành án theo quy định tại các Điều 6, 7 và 9 Luật Thi hành án dân sự; thời hiệu thi hành án được thực hiện theo quy định tại Điều 30 Luật Thi hành án dân sự.';

const COURT_FEES = 'Nghị quyết số 326/2016/UBTVQH14 ngày 30 tháng 12 năm 2016 của Ủy ban Thường vụ Quốc hội quy định về mức thu, miễn, giảm, thu, nộp, quản lý và sử dụng án phí và lệ phí Tòa án';

const APPEAL_CIVIL =
  'Quyền kháng cáo: đương sự có mặt tại phiên tòa có quyền kháng cáo bản án trong thời hạn 15 ngày kể từ ngày tuyên án; đương sự vắng mặt tại phiên tòa có quyền kháng cáo trong thời hạn 15 ngày kể từ ngày nhận được bản án hoặc ngày bản án được niêm yết.';

function hearingSentence(kind: string, between: string): string {
  return `{{hearing.dateTitle}}, tại {{hearing.venue}}, xét xử sơ thẩm {{hearing.publicity}} ${kind} thụ lý số {{case.acceptanceNumber}} {{case.acceptanceDate}} về việc {{case.subjectText}} theo Quyết định đưa vụ án ra xét xử số {{case.trialDecisionNumber}} {{case.trialDecisionDate}} ${between}`;
}

export const JUDGMENT_52_DS = [
  front({
    id: 'NQ01-2017/52-DS',
    title: 'Bản án sơ thẩm',
    kind: 'judgment',
    caseTypes: 'DS, HNGĐ, KDTM, LĐ',
    hearing: 'trial',
    notes: [
      'Mẫu số 52-DS ban hành kèm theo Nghị quyết số 01/2017/NQ-HĐTP, dùng chung cho vụ án dân sự, hôn nhân và gia đình, kinh doanh, thương mại, lao động [S].',
      'Thể thức trình bày theo Công văn 155/TANDTC-PC chưa đối chiếu được (nội dung công văn chưa có) [?].',
    ],
  }),
  judgmentHeader(false),
  '::blank',
  '::para noindent | - Thành phần Hội đồng xét xử sơ thẩm gồm có:',
  officers({ clerkTitle: 'Thư ký phiên tòa', prosecutorAlways: false, alternates: false }),
  hearingSentence('{{case.matterLabel}}', 'giữa các đương sự:'),
  partyGroup('plaintiff', { attendance: true, heading: '1. Nguyên đơn' }),
  partyGroup('defendant', { attendance: true, heading: '2. Bị đơn' }),
  partyGroup('interestedParty', { attendance: true, heading: '3. Người có quyền lợi, nghĩa vụ liên quan' }),
  otherGroup('witness', { attendance: true, heading: '4. Người làm chứng' }),
  otherGroup('expert', { attendance: true, heading: '5. Người giám định' }),
  otherGroup('interpreter', { attendance: true, heading: '6. Người phiên dịch' }),
  '::heading space | NỘI DUNG VỤ ÁN:',
  'Theo đơn khởi kiện và quá trình giải quyết vụ án, nguyên đơn trình bày: ……',
  'Bị đơn trình bày: ……',
  '::if parties.byRole.interestedParty',
  'Người có quyền lợi, nghĩa vụ liên quan trình bày: ……',
  '::end',
  '::if panel.hasProsecutor',
  'Đại diện Viện kiểm sát phát biểu ý kiến: ……',
  '::end',
  '::heading space | NHẬN ĐỊNH CỦA TÒA ÁN:',
  'Căn cứ vào tài liệu, chứng cứ đã được xem xét tại phiên tòa và kết quả tranh tụng tại phiên tòa, Hội đồng xét xử nhận định:',
  '[1] Về thủ tục tố tụng: ……',
  '[2] Về nội dung: ……',
  '[3] Về án phí: ……',
  'Vì các lẽ trên,',
  '::heading space | QUYẾT ĐỊNH:',
  `Căn cứ vào ……; ${COURT_FEES}.`,
  '1. ……',
  '2. Về án phí: ……',
  `3. ${APPEAL_CIVIL}`,
  `4. ${ENFORCEMENT}`,
  judgmentSignature([
    '- Tòa án nhân dân cấp trên trực tiếp;',
    '- {{court.procuracyName}};',
    '- Cơ quan thi hành án dân sự có thẩm quyền;',
    '- Các đương sự;',
    '- Lưu hồ sơ vụ án.',
  ]),
].join('\n');

const ACCUSED_IDENTITY =
  '{{p.$index}}. {{p.fullName}}, sinh ngày {{p.birthDate}} tại {{p.birthPlace}}; nơi cư trú: {{p.residence}}; nghề nghiệp: {{p.occupation}}; trình độ văn hóa: {{p.education}}; dân tộc: {{p.ethnicity}}; giới tính: {{p.gender}}; tôn giáo: {{p.religion}}; quốc tịch: {{p.nationality}}; {{p.parents}}; tiền án: {{p.priorConvictions}}; tiền sự: {{p.priorViolations}}; biện pháp ngăn chặn: {{p.preventiveMeasure}}; {{p.attendance}}.';

export const JUDGMENT_27_HS = [
  front({
    id: 'NQ05-2017/27-HS',
    title: 'Bản án hình sự sơ thẩm',
    kind: 'judgment',
    caseTypes: 'HS',
    hearing: 'trial',
    notes: [
      'Mẫu số 27-HS ban hành kèm theo Nghị quyết số 05/2017/NQ-HĐTP; dựng lại theo bản án 19/2021/HS-ST đã công bố [S]; chưa đọc được bản PDF chính thức của mẫu [?].',
      'Lý lịch bị cáo (ngày sinh, dân tộc, tiền án …) chưa có trong dữ liệu vụ án: Thẩm phán bổ sung khi soạn thảo.',
    ],
  }),
  judgmentHeader(true),
  '::blank',
  '::para noindent | - Thành phần Hội đồng xét xử sơ thẩm gồm có:',
  officers({ clerkTitle: 'Thư ký phiên tòa', prosecutorAlways: true, alternates: false }),
  '{{hearing.dateTitle}}, tại {{hearing.venue}}, xét xử sơ thẩm {{hearing.publicity}} vụ án hình sự sơ thẩm thụ lý số {{case.acceptanceNumber}} {{case.acceptanceDate}} theo Quyết định đưa vụ án ra xét xử số {{case.trialDecisionNumber}} {{case.trialDecisionDate}} đối với bị cáo:',
  '::repeat parties.byRole.accused as p',
  ACCUSED_IDENTITY,
  '::repeat p.representatives as r',
  '- Người đại diện của bị cáo {{p.fullName}}: {{r.titledName}}; {{r.attendance}}.',
  '::end',
  '::repeat p.counsel as r',
  '- Người bào chữa cho bị cáo {{p.fullName}}: {{r.titledName}} - {{r.organisation}}; {{r.attendance}}.',
  '::end',
  '::end',
  partyGroup('victim', { attendance: true, heading: '- Bị hại' }),
  partyGroup('civilPlaintiff', { attendance: true, heading: '- Nguyên đơn dân sự' }),
  partyGroup('civilDefendant', { attendance: true, heading: '- Bị đơn dân sự' }),
  partyGroup('interestedParty', { attendance: true, heading: '- Người có quyền lợi, nghĩa vụ liên quan đến vụ án' }),
  otherGroup('witness', { attendance: true, heading: '- Người làm chứng' }),
  otherGroup('attestingWitness', { attendance: true, heading: '- Người chứng kiến' }),
  otherGroup('expert', { attendance: true, heading: '- Người giám định' }),
  otherGroup('interpreter', { attendance: true, heading: '- Người phiên dịch' }),
  '::heading space | NỘI DUNG VỤ ÁN:',
  'Theo các tài liệu có trong hồ sơ vụ án và diễn biến tại phiên tòa, nội dung vụ án được tóm tắt như sau: ……',
  'Tại {{case.indictment}}, {{court.procuracyName}} truy tố bị cáo {{parties.namesByRole.accused}} về tội “{{case.subjectText}}”.',
  'Tại phiên tòa, Kiểm sát viên giữ nguyên quyết định truy tố và đề nghị Hội đồng xét xử: ……',
  'Lời bào chữa, đối đáp và lời nói sau cùng của bị cáo: ……',
  '::heading space | NHẬN ĐỊNH CỦA TÒA ÁN:',
  'Trên cơ sở nội dung vụ án, căn cứ vào các tài liệu trong hồ sơ vụ án đã được tranh tụng tại phiên tòa, Hội đồng xét xử nhận định như sau:',
  '[1] Về hành vi, quyết định tố tụng của cơ quan tiến hành tố tụng, người tiến hành tố tụng: ……',
  '[2] Về hành vi phạm tội và tội danh: ……',
  '[3] Về tính chất, mức độ nguy hiểm của hành vi phạm tội: ……',
  '[4] Về tình tiết tăng nặng, giảm nhẹ trách nhiệm hình sự và nhân thân của bị cáo: ……',
  '[5] Về hình phạt: ……',
  '[6] Về hình phạt bổ sung: ……',
  '[7] Về xử lý vật chứng: ……',
  '[8] Về án phí: ……',
  '[9] Về quyền kháng cáo: ……',
  'Vì các lẽ trên,',
  '::heading space | QUYẾT ĐỊNH:',
  `Căn cứ vào ……của Bộ luật Hình sự; ……của Bộ luật Tố tụng hình sự; ${COURT_FEES}.`,
  '::repeat parties.byRole.accused as p',
  '1. Về tội danh: Tuyên bố bị cáo {{p.fullName}} phạm tội “{{p.charge}}”.',
  '2. Về hình phạt: Xử phạt bị cáo {{p.fullName}} ……',
  '::end',
  '3. Về xử lý vật chứng: ……',
  '::repeat parties.byRole.accused as p',
  '4. Về án phí: Bị cáo {{p.fullName}} phải chịu 200.000 đồng án phí hình sự sơ thẩm.',
  '::end',
  '5. Quyền kháng cáo: bị cáo, bị hại, đương sự có mặt tại phiên tòa có quyền kháng cáo bản án trong thời hạn 15 ngày kể từ ngày tuyên án; người vắng mặt có quyền kháng cáo trong thời hạn 15 ngày kể từ ngày nhận được bản án hoặc ngày bản án được niêm yết.',
  judgmentSignature([
    '- Tòa án nhân dân cấp trên trực tiếp;',
    '- Viện kiểm sát nhân dân cấp trên trực tiếp;',
    '- {{court.procuracyName}};',
    '- Sở Tư pháp;',
    '- Cơ quan Công an (Cơ quan điều tra, Cơ quan thi hành án hình sự);',
    '- Cơ quan thi hành án dân sự có thẩm quyền;',
    '- Bị cáo;',
    '- Lưu hồ sơ vụ án.',
  ]),
].join('\n');

export const JUDGMENT_22_HC = [
  front({
    id: 'NQ02-2017/22-HC',
    title: 'Bản án hành chính sơ thẩm',
    kind: 'judgment',
    caseTypes: 'HC',
    hearing: 'trial',
    notes: [
      'Mẫu số 22-HC ban hành kèm theo Nghị quyết số 02/2017/NQ-HĐTP; cùng bố cục với mẫu 52-DS, đương sự là người khởi kiện, người bị kiện [S].',
      'Thể thức trình bày theo Công văn 155/TANDTC-PC chưa đối chiếu được [?].',
    ],
  }),
  judgmentHeader(false),
  '::blank',
  '::para noindent | - Thành phần Hội đồng xét xử sơ thẩm gồm có:',
  officers({ clerkTitle: 'Thư ký phiên tòa', prosecutorAlways: true, alternates: false }),
  hearingSentence('vụ án hành chính', 'giữa các đương sự:'),
  partyGroup('claimant', { attendance: true, heading: '1. Người khởi kiện' }),
  partyGroup('respondent', { attendance: true, heading: '2. Người bị kiện' }),
  partyGroup('interestedParty', { attendance: true, heading: '3. Người có quyền lợi, nghĩa vụ liên quan' }),
  otherGroup('witness', { attendance: true, heading: '4. Người làm chứng' }),
  otherGroup('expert', { attendance: true, heading: '5. Người giám định' }),
  otherGroup('interpreter', { attendance: true, heading: '6. Người phiên dịch' }),
  '::heading space | NỘI DUNG VỤ ÁN:',
  'Theo đơn khởi kiện và quá trình giải quyết vụ án, người khởi kiện trình bày: ……',
  'Người bị kiện trình bày: ……',
  'Đại diện Viện kiểm sát phát biểu ý kiến: ……',
  '::heading space | NHẬN ĐỊNH CỦA TÒA ÁN:',
  'Căn cứ vào tài liệu, chứng cứ đã được xem xét tại phiên tòa và kết quả tranh tụng tại phiên tòa, Hội đồng xét xử nhận định:',
  '[1] Về đối tượng khởi kiện, thẩm quyền và thời hiệu khởi kiện: ……',
  '[2] Về tính hợp pháp của quyết định hành chính, hành vi hành chính bị khởi kiện: ……',
  '[3] Về án phí: ……',
  'Vì các lẽ trên,',
  '::heading space | QUYẾT ĐỊNH:',
  `Căn cứ vào ……của Luật Tố tụng hành chính; ${COURT_FEES}.`,
  '1. ……',
  '2. Về án phí: ……',
  `3. ${APPEAL_CIVIL}`,
  judgmentSignature([
    '- Tòa án nhân dân cấp trên trực tiếp;',
    '- {{court.procuracyName}};',
    '- Cơ quan thi hành án dân sự có thẩm quyền;',
    '- Các đương sự;',
    '- Lưu hồ sơ vụ án.',
  ]),
].join('\n');
