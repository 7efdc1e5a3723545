/**
 * Deliberation minutes: 51-DS (civil) and 25-HS (criminal). A panel document written without the
 * clerk: members sign on the left, the presiding judge signs and stamps on the right
 * (vn-court-forms.md §1.5). Votes are issue by issue, assessors first.
 */
import { deliberationSignatures, front, minutesHeader, vote } from './fragments.js';

const panel = [
  '- Thẩm phán - Chủ tọa phiên tòa: {{panel.presiding.titledName}}.',
  '::repeat panel.judges as j',
  '- Thẩm phán: {{j.titledName}}.',
  '::end',
  '::repeat panel.assessors as a',
  '- Hội thẩm nhân dân: {{a.titledName}}.',
  '::end',
].join('\n');

const closing = [
  'Ý kiến thiểu số (nếu có) được thành viên Hội đồng xét xử trình bày bằng văn bản và lưu vào hồ sơ vụ án: ……',
  'Nghị án kết thúc vào hồi {{deliberation.endTime}}, {{deliberation.date}}.',
  'Biên bản nghị án đã được đọc lại cho tất cả thành viên Hội đồng xét xử nghe và cùng ký tên dưới đây tại phòng nghị án, trước khi tuyên án.',
].join('\n');

export const DELIBERATION_51_DS = [
  front({
    id: 'NQ01-2017/51-DS',
    title: 'Biên bản nghị án',
    kind: 'deliberationMinutes',
    caseTypes: 'DS, HNGĐ, KDTM, LĐ',
    hearing: 'trial',
    notes: [
      'Mẫu số 51-DS ban hành kèm theo Nghị quyết số 01/2017/NQ-HĐTP; cấu trúc theo bản trích mẫu đã đối chiếu [S].',
      'Chỉ thành viên Hội đồng xét xử nghị án và ký; không có chữ ký của Thư ký.',
    ],
  }),
  minutesHeader(false),
  '::title BIÊN BẢN NGHỊ ÁN',
  '::blank',
  'Vào hồi {{deliberation.startTime}}, {{deliberation.date}}.',
  'Tại: Phòng nghị án, trụ sở {{court.name}}.',
  'Với Hội đồng xét xử sơ thẩm gồm có:',
  panel,
  'Tiến hành nghị án {{case.matterLabel}} thụ lý số {{case.acceptanceNumber}} {{case.acceptanceDate}} về việc {{case.subjectText}} giữa:',
  '::if parties.byRole.plaintiff',
  '- Nguyên đơn: {{parties.namesByRole.plaintiff}}.',
  '::end',
  '::if parties.byRole.defendant',
  '- Bị đơn: {{parties.namesByRole.defendant}}.',
  '::end',
  '::if parties.byRole.interestedParty',
  '- Người có quyền lợi, nghĩa vụ liên quan: {{parties.namesByRole.interestedParty}}.',
  '::end',
  'Căn cứ vào tài liệu, chứng cứ đã được xem xét tại phiên tòa, kết quả tranh tụng tại phiên tòa và các quy định của pháp luật,',
  '::heading space | HỘI ĐỒNG XÉT XỬ THẢO LUẬN, BIỂU QUYẾT, QUYẾT ĐỊNH CÁC VẤN ĐỀ CỦA VỤ ÁN NHƯ SAU:',
  vote('1. Về yêu cầu của đương sự: ……'),
  vote('2. Về chi phí tố tụng và án phí: ……'),
  closing,
  deliberationSignatures(),
].join('\n');

export const DELIBERATION_25_HS = [
  front({
    id: 'NQ05-2017/25-HS',
    title: 'Biên bản nghị án (hình sự sơ thẩm)',
    kind: 'deliberationMinutes',
    caseTypes: 'HS',
    hearing: 'trial',
    notes: [
      'Mẫu số 25-HS ban hành kèm theo Nghị quyết số 05/2017/NQ-HĐTP; nội dung theo Điều 326 Bộ luật Tố tụng hình sự [S]; bố cục theo mẫu 51-DS [GK]: cần đối chiếu văn bản chính thức.',
      'Ghi biểu quyết từng vấn đề và ý kiến thiểu số; thành viên Hội đồng xét xử ký trước khi tuyên án.',
    ],
  }),
  minutesHeader(true),
  '::title BIÊN BẢN NGHỊ ÁN',
  '::blank',
  'Vào hồi {{deliberation.startTime}}, {{deliberation.date}}.',
  'Tại: Phòng nghị án, trụ sở Tòa án {{court.designation}}.',
  'Với Hội đồng xét xử sơ thẩm gồm có:',
  panel,
  'Tiến hành nghị án vụ án hình sự thụ lý số {{case.acceptanceNumber}} {{case.acceptanceDate}} đối với bị cáo {{parties.namesByRole.accused}} bị {{court.procuracyName}} truy tố về tội “{{case.subjectText}}”.',
  'Căn cứ vào tài liệu, chứng cứ đã được kiểm tra, đánh giá tại phiên tòa, kết quả tranh tụng tại phiên tòa và các quy định của pháp luật,',
  '::heading space | HỘI ĐỒNG XÉT XỬ THẢO LUẬN, BIỂU QUYẾT, QUYẾT ĐỊNH CÁC VẤN ĐỀ CỦA VỤ ÁN NHƯ SAU:',
  '::repeat parties.byRole.accused as p',
  '::para bold | Đối với bị cáo {{p.fullName}}:',
  vote('a) Về tội danh: ……'),
  vote('b) Về hình phạt: ……'),
  '::end',
  vote('Về trách nhiệm dân sự, xử lý vật chứng và án phí: ……'),
  closing,
  deliberationSignatures(),
].join('\n');
