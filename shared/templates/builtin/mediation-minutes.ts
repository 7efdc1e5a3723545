/**
 * Mediation minutes: 34-DS (Biên bản hòa giải) and 36-DS (Biên bản hòa giải thành), NQ 01/2017.
 * Contents: Điều 211 BLTTDS (agreed and not-agreed points; signatures or fingerprints of the
 * parties, the clerk's and the judge's signatures); layout: vn-court-forms.md §1.8.
 */
import { front, minutesHeader, partyGroup } from './fragments.js';

const NOTES_SINGLE_SOURCE =
  'Số hiệu mẫu 34-DS và 36-DS chỉ có một nguồn xác nhận (tài liệu nghiệp vụ ghi [?]): giữ mã này cho đến khi đối chiếu được văn bản chính thức.';

const OPENING = [
  '{{hearing.opening}}.',
  'Tại: {{hearing.venue}}.',
  'Tiến hành phiên họp hòa giải {{case.matterLabel}} thụ lý số {{case.acceptanceNumber}} {{case.acceptanceDate}} về việc {{case.subjectText}}.',
  '::heading left space | I. NHỮNG NGƯỜI TIẾN HÀNH TỐ TỤNG',
  '- Thẩm phán - Người chủ trì phiên họp: {{panel.presiding.titledName}}.',
  '- Thư ký Tòa án ghi biên bản phiên họp: {{panel.clerk.titledName}}.',
  '::heading left space | II. NHỮNG NGƯỜI THAM GIA PHIÊN HỌP',
  partyGroup('plaintiff', { attendance: true }),
  partyGroup('defendant', { attendance: true }),
  partyGroup('interestedParty', { attendance: true }),
  '::heading left space | III. PHẦN THỦ TỤC MỞ ĐẦU',
  'Thẩm phán phổ biến cho các đương sự các quy định của pháp luật có liên quan đến việc giải quyết vụ án để các đương sự liên hệ đến quyền, nghĩa vụ của mình, phân tích hậu quả pháp lý của việc hòa giải thành để họ tự nguyện thỏa thuận với nhau về việc giải quyết vụ án.',
].join('\n');

const SIGNATURES = [
  '::signature',
  '::left',
  '::para center bold | CÁC ĐƯƠNG SỰ',
  '::para center italic | (Ký tên hoặc điểm chỉ)',
  '::repeat parties.principals as p',
  '::blank',
  '::para center bold | {{p.fullName}}',
  '::end',
  '::right',
  '::para center bold | THƯ KÝ TÒA ÁN',
  '::para center italic | (Ký, ghi rõ họ tên)',
  '::blank',
  '::para center bold | {{panel.clerk.name}}',
  '::blank',
  '::para center bold | THẨM PHÁN',
  '::para center italic | (Ký, ghi rõ họ tên)',
  '::blank',
  '::para center bold | {{panel.presiding.name}}',
  '::end',
].join('\n');

export const MEDIATION_34_DS = [
  front({
    id: 'NQ01-2017/34-DS',
    title: 'Biên bản hòa giải',
    kind: 'mediationMinutes',
    caseTypes: 'DS, HNGĐ, KDTM, LĐ',
    hearing: 'mediation, evidenceSession',
    notes: [NOTES_SINGLE_SOURCE, 'Từ Bộ luật Tố tụng dân sự 2015, hòa giải được tiến hành trong phiên họp kiểm tra việc giao nộp, tiếp cận, công khai chứng cứ và hòa giải (Điều 208 - 210).'],
  }),
  minutesHeader(false),
  '::title BIÊN BẢN HÒA GIẢI',
  '::blank',
  OPENING,
  '::heading left space | IV. Ý KIẾN CỦA CÁC ĐƯƠNG SỰ HOẶC NGƯỜI ĐẠI DIỆN HỢP PHÁP CỦA ĐƯƠNG SỰ',
  '::repeat parties.principals as p',
  '- {{p.roleLabel}} {{p.fullName}}: ……',
  '::end',
  '::heading left space | V. NHỮNG NỘI DUNG ĐÃ ĐƯỢC CÁC ĐƯƠNG SỰ THỐNG NHẤT',
  '……',
  '::heading left space | VI. NHỮNG NỘI DUNG CÁC ĐƯƠNG SỰ KHÔNG THỐNG NHẤT',
  '……',
  'Phiên họp kết thúc vào hồi {{hearing.endTime}}, {{hearing.date}}.',
  'Biên bản đã được đọc lại cho những người tham gia phiên họp nghe và cùng ký tên hoặc điểm chỉ dưới đây.',
  SIGNATURES,
].join('\n');

export const MEDIATION_36_DS = [
  front({
    id: 'NQ01-2017/36-DS',
    title: 'Biên bản hòa giải thành',
    kind: 'mediationMinutes',
    caseTypes: 'DS, HNGĐ, KDTM, LĐ',
    hearing: 'mediation, evidenceSession',
    notes: [NOTES_SINGLE_SOURCE, 'Biên bản hòa giải thành được gửi ngay cho các đương sự (Điều 211); sau 07 ngày Thẩm phán ra quyết định công nhận sự thỏa thuận (Điều 212).'],
  }),
  minutesHeader(false),
  '::title BIÊN BẢN HÒA GIẢI THÀNH',
  '::blank',
  OPENING,
  '::heading left space | IV. NỘI DUNG CÁC ĐƯƠNG SỰ ĐÃ THỎA THUẬN',
  'Sau khi hòa giải, các đương sự đã thỏa thuận được với nhau về việc giải quyết toàn bộ vụ án, cụ thể như sau:',
  '1. ……',
  '2. Về án phí: ……',
  '3. Về chi phí tố tụng khác (nếu có): ……',
  'Hết thời hạn 07 ngày, kể từ ngày lập biên bản hòa giải thành, nếu không có đương sự nào thay đổi ý kiến về sự thỏa thuận trên thì Thẩm phán chủ trì phiên hòa giải ra quyết định công nhận sự thỏa thuận của các đương sự; quyết định có hiệu lực pháp luật ngay sau khi được ban hành và không bị kháng cáo, kháng nghị theo thủ tục phúc thẩm.',
  'Phiên họp kết thúc vào hồi {{hearing.endTime}}, {{hearing.date}}.',
  'Biên bản đã được đọc lại cho những người tham gia phiên họp nghe và cùng ký tên hoặc điểm chỉ dưới đây; biên bản được gửi ngay cho các đương sự tham gia hòa giải.',
  SIGNATURES,
].join('\n');
