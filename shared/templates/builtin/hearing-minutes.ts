/**
 * Hearing minutes, first instance: 48-DS (civil: DS, HNGĐ, KDTM, LĐ; NQ 01/2017) and 22-HS
 * (criminal; NQ 05/2017), each with an online-hearing variant that lists the remote sites
 * (NQ 33/2021/QH15). Structure: vn-court-forms.md §1.3 and §1.4; the opening phase carries the
 * NQ 03/2017 publication explanation (§3.2).
 */
import {
  front,
  minutesHeader,
  minutesSignatures,
  officers,
  otherGroup,
  partyGroup,
  publicationNotice,
  remoteSites,
} from './fragments.js';

const CIVIL_NOTES = [
  'Mẫu số 48-DS ban hành kèm theo Nghị quyết số 01/2017/NQ-HĐTP; phần mở đầu và mục I theo bản trích mẫu đã đối chiếu [S].',
  'Các mục II đến V theo Bộ luật Tố tụng dân sự 2015 (Điều 236) và mẫu năm 2006 [GK]: cần đối chiếu văn bản chính thức trước khi dùng.',
  'Phần thủ tục bắt đầu phiên tòa có giải thích việc công bố bản án theo Nghị quyết số 03/2017/NQ-HĐTP.',
];

const CRIMINAL_NOTES = [
  'Mẫu số 22-HS ban hành kèm theo Nghị quyết số 05/2017/NQ-HĐTP; phần mở đầu theo mẫu 23-HS, 24-HS [S]; phần thân theo Điều 258 Bộ luật Tố tụng hình sự [GK]: cần đối chiếu văn bản chính thức.',
  'Mẫu hình sự ghi "TÒA ÁN …" (dùng chung cho Tòa án quân sự).',
  'Phần thủ tục bắt đầu phiên tòa có giải thích việc công bố bản án theo Nghị quyết số 03/2017/NQ-HĐTP.',
];

const ONLINE_NOTE = 'Biến thể phiên tòa trực tuyến theo Nghị quyết số 33/2021/QH15: ghi điểm cầu trung tâm và các điểm cầu thành phần.';

function civil(online: boolean): string {
  return [
    front({
      id: online ? 'NQ01-2017/48-DS/TRUC-TUYEN' : 'NQ01-2017/48-DS',
      title: online ? 'Biên bản phiên tòa sơ thẩm (trực tuyến)' : 'Biên bản phiên tòa sơ thẩm',
      kind: 'hearingMinutes',
      caseTypes: 'DS, HNGĐ, KDTM, LĐ',
      hearing: 'trial',
      requires: online ? 'hearing.online' : 'not hearing.online',
      notes: online ? [...CIVIL_NOTES, ONLINE_NOTE] : CIVIL_NOTES,
    }),
    minutesHeader(false),
    '::title BIÊN BẢN PHIÊN TÒA SƠ THẨM',
    '::blank',
    '{{hearing.opening}}.',
    'Tại: {{hearing.venue}}.',
    ...(online ? [remoteSites()] : []),
    '{{court.name}} mở phiên tòa để xét xử sơ thẩm {{case.matterLabel}} thụ lý số {{case.acceptanceNumber}} {{case.acceptanceDate}} về việc {{case.subjectText}}.',
    'Vụ án được xét xử {{hearing.publicity}}.',
    '::heading left space | I. NHỮNG NGƯỜI THAM GIA TỐ TỤNG',
    partyGroup('plaintiff', { attendance: true }),
    partyGroup('defendant', { attendance: true }),
    partyGroup('interestedParty', { attendance: true }),
    otherGroup('witness', { attendance: true }),
    otherGroup('expert', { attendance: true }),
    otherGroup('interpreter', { attendance: true }),
    '::heading left space | II. NHỮNG NGƯỜI TIẾN HÀNH TỐ TỤNG',
    officers({ clerkTitle: 'Thư ký phiên tòa', prosecutorAlways: false, alternates: true }),
    '::heading left space | III. PHẦN THỦ TỤC BẮT ĐẦU PHIÊN TÒA',
    'Thẩm phán - Chủ tọa phiên tòa khai mạc phiên tòa và đọc Quyết định đưa vụ án ra xét xử số {{case.trialDecisionNumber}} {{case.trialDecisionDate}}.',
    'Thư ký phiên tòa báo cáo với Hội đồng xét xử về sự có mặt, vắng mặt của những người tham gia phiên tòa theo giấy triệu tập, giấy báo của Tòa án và lý do vắng mặt: ……',
    ...(online ? ['Thư ký phiên tòa báo cáo kết quả kiểm tra kết nối, đường truyền tại điểm cầu trung tâm và các điểm cầu thành phần: ……'] : []),
    '::if parties.hasAbsent',
    'Hội đồng xét xử xem xét việc vắng mặt của người tham gia tố tụng và quyết định tiếp tục xét xử hoặc hoãn phiên tòa theo quy định của Bộ luật Tố tụng dân sự: ……',
    '::end',
    'Thẩm phán - Chủ tọa phiên tòa kiểm tra căn cước của những người tham gia phiên tòa và giải thích quyền, nghĩa vụ tố tụng của họ.',
    publicationNotice('đương sự'),
    'Thẩm phán - Chủ tọa phiên tòa giới thiệu thành phần Hội đồng xét xử, Thư ký phiên tòa, Kiểm sát viên, người giám định, người phiên dịch và hỏi những người tham gia tố tụng có đề nghị thay đổi ai không. Ý kiến: ……',
    'Thẩm phán - Chủ tọa phiên tòa hỏi các đương sự có thay đổi, bổ sung, rút yêu cầu hay không. Ý kiến: ……',
    '::heading left space | IV. PHẦN TRANH TỤNG TẠI PHIÊN TÒA',
    'Trình bày của đương sự, người bảo vệ quyền và lợi ích hợp pháp của đương sự: ……',
    'Hỏi và trả lời tại phiên tòa: ……',
    'Công bố tài liệu, chứng cứ; xem xét vật chứng: ……',
    'Tranh luận và đối đáp: ……',
    '::if panel.hasProsecutor',
    'Phát biểu của Kiểm sát viên về việc tuân theo pháp luật tố tụng và về việc giải quyết vụ án: ……',
    '::end',
    '::heading left space | V. PHẦN NGHỊ ÁN VÀ TUYÊN ÁN',
    'Hội đồng xét xử vào phòng nghị án lúc …… giờ …… phút.',
    'Hội đồng xét xử trở lại phòng xử án lúc …… giờ …… phút; Thẩm phán - Chủ tọa phiên tòa đọc bản án.',
    'Phiên tòa kết thúc vào hồi {{hearing.endTime}}, {{hearing.date}}.',
    'Ý kiến yêu cầu ghi những sửa đổi, bổ sung vào biên bản phiên tòa của Kiểm sát viên và những người tham gia tố tụng (nếu có), có chữ ký xác nhận của họ: ……',
    minutesSignatures(),
  ].join('\n');
}

function criminal(online: boolean): string {
  return [
    front({
      id: online ? 'NQ05-2017/22-HS/TRUC-TUYEN' : 'NQ05-2017/22-HS',
      title: online ? 'Biên bản phiên tòa hình sự sơ thẩm (trực tuyến)' : 'Biên bản phiên tòa hình sự sơ thẩm',
      kind: 'hearingMinutes',
      caseTypes: 'HS',
      hearing: 'trial',
      requires: online ? 'hearing.online' : 'not hearing.online',
      notes: online ? [...CRIMINAL_NOTES, ONLINE_NOTE] : CRIMINAL_NOTES,
    }),
    minutesHeader(true),
    '::title BIÊN BẢN PHIÊN TÒA HÌNH SỰ SƠ THẨM',
    '::blank',
    '{{hearing.opening}}.',
    'Tại: {{hearing.venue}}.',
    ...(online ? [remoteSites()] : []),
    'Tòa án {{court.designation}} mở phiên tòa để xét xử sơ thẩm vụ án hình sự thụ lý số {{case.acceptanceNumber}} {{case.acceptanceDate}} đối với bị cáo {{parties.namesByRole.accused}} bị {{court.procuracyName}} truy tố về tội “{{case.subjectText}}”.',
    'Vụ án được xét xử {{hearing.publicity}}.',
    '::heading left space | I. NHỮNG NGƯỜI TIẾN HÀNH TỐ TỤNG',
    officers({ clerkTitle: 'Thư ký phiên tòa', prosecutorAlways: true, alternates: true }),
    '::heading left space | II. NHỮNG NGƯỜI THAM GIA TỐ TỤNG',
    partyGroup('accused', { attendance: true }),
    partyGroup('victim', { attendance: true }),
    partyGroup('civilPlaintiff', { attendance: true }),
    partyGroup('civilDefendant', { attendance: true }),
    partyGroup('interestedParty', { attendance: true, heading: 'Người có quyền lợi, nghĩa vụ liên quan đến vụ án' }),
    otherGroup('witness', { attendance: true }),
    otherGroup('attestingWitness', { attendance: true }),
    otherGroup('expert', { attendance: true }),
    otherGroup('appraiser', { attendance: true }),
    otherGroup('interpreter', { attendance: true }),
    '::if parties.hasMinor',
    'Phiên tòa có người tham gia tố tụng dưới 18 tuổi: Hội đồng xét xử có Hội thẩm là giáo viên hoặc cán bộ Đoàn Thanh niên Cộng sản Hồ Chí Minh; người đại diện của bị cáo, bị hại dưới 18 tuổi được triệu tập tham gia phiên tòa.',
    '::end',
    '::heading left space | III. PHẦN THỦ TỤC BẮT ĐẦU PHIÊN TÒA',
    'Thẩm phán - Chủ tọa phiên tòa khai mạc phiên tòa và đọc Quyết định đưa vụ án ra xét xử số {{case.trialDecisionNumber}} {{case.trialDecisionDate}}.',
    'Thư ký phiên tòa báo cáo về sự có mặt, vắng mặt của những người được triệu tập đến phiên tòa và lý do vắng mặt: ……',
    ...(online ? ['Thư ký phiên tòa báo cáo kết quả kiểm tra kết nối, đường truyền tại điểm cầu trung tâm và các điểm cầu thành phần: ……'] : []),
    '::if parties.hasAbsent',
    'Hội đồng xét xử xem xét việc vắng mặt của người được triệu tập và quyết định tiếp tục xét xử hoặc hoãn phiên tòa: ……',
    '::end',
    'Thẩm phán - Chủ tọa phiên tòa kiểm tra căn cước của bị cáo và những người được triệu tập, giải thích quyền và nghĩa vụ của họ tại phiên tòa.',
    publicationNotice('bị cáo, bị hại và những người tham gia tố tụng khác'),
    'Người phiên dịch, người giám định cam đoan làm tròn nhiệm vụ; người làm chứng đã thành niên cam đoan khai báo trung thực: ……',
    'Thẩm phán - Chủ tọa phiên tòa giới thiệu những người tiến hành tố tụng và hỏi những người tham gia tố tụng có đề nghị thay đổi ai không. Ý kiến: ……',
    'Thẩm phán - Chủ tọa phiên tòa hỏi bị cáo đã nhận được bản cáo trạng và quyết định đưa vụ án ra xét xử chưa. Trả lời: ……',
    '::heading left space | IV. PHẦN XÉT HỎI',
    'Kiểm sát viên công bố bản cáo trạng: ……',
    'Xét hỏi bị cáo, bị hại và những người tham gia tố tụng khác; công bố tài liệu, xem xét vật chứng: ……',
    '::heading left space | V. PHẦN TRANH LUẬN',
    'Kiểm sát viên trình bày lời luận tội và đề nghị về tội danh, hình phạt, xử lý vật chứng: ……',
    'Bị cáo, người bào chữa, bị hại và những người tham gia tố tụng khác trình bày ý kiến, đối đáp: ……',
    '::heading left space | VI. LỜI NÓI SAU CÙNG CỦA BỊ CÁO',
    '::repeat parties.byRole.accused as p',
    'Bị cáo {{p.fullName}}: ……',
    '::end',
    '::heading left space | VII. PHẦN NGHỊ ÁN VÀ TUYÊN ÁN',
    'Hội đồng xét xử vào phòng nghị án lúc …… giờ …… phút.',
    'Hội đồng xét xử trở lại phòng xử án lúc …… giờ …… phút; Thẩm phán - Chủ tọa phiên tòa đọc bản án.',
    'Phiên tòa kết thúc vào hồi {{hearing.endTime}}, {{hearing.date}}.',
    'Ý kiến yêu cầu ghi những sửa đổi, bổ sung vào biên bản phiên tòa của Kiểm sát viên, bị cáo, người bào chữa và những người tham gia tố tụng khác (nếu có), có chữ ký xác nhận của họ: ……',
    minutesSignatures(),
  ].join('\n');
}

export const HEARING_MINUTES_48_DS = civil(false);
export const HEARING_MINUTES_48_DS_ONLINE = civil(true);
export const HEARING_MINUTES_22_HS = criminal(false);
export const HEARING_MINUTES_22_HS_ONLINE = criminal(true);
