/**
 * Publication of judgments on the courts' portal (Nghị quyết 03/2017/NQ-HĐTP; vn-court-forms.md
 * §3.2): the states a case's publication goes through and the reasons not to publish, with the
 * wording of Art. 4 and of the court back-office list. Codes are the brief's enum, so a list
 * exchanged with another court system reads the same.
 */
import type { Label } from '../domain/vocabulary.js';

/**
 * - `notDue`: the judgment has no legal effect yet (no clock running);
 * - `pending`: in legal effect, to be published within 30 days;
 * - `published`: on the portal (publishedAt says when);
 * - `notToPublish`: the presiding judge decided not to publish, for the reasons recorded.
 */
export const PUBLICATION_STATES = ['notDue', 'pending', 'published', 'notToPublish'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export const PUBLICATION_STATE_LABELS: Record<PublicationState, Label> = {
  notDue: { vi: 'Chưa đến hạn công bố (bản án chưa có hiệu lực pháp luật)', en: 'Not due (no legal effect yet)' },
  pending: { vi: 'Chờ công bố', en: 'To be published' },
  published: { vi: 'Đã công bố', en: 'Published' },
  notToPublish: { vi: 'Không công bố', en: 'Not to be published' },
};

export const NOT_PUBLISH_REASONS = [
  'XET_XU_KIN',
  'BI_MAT_NHA_NUOC',
  'BI_MAT_KINH_DOANH',
  'THUAN_PHONG_MY_TUC',
  'BI_MAT_CA_NHAN_CHUA_MA_HOA',
  'NGUOI_DUOI_18',
  'CHUA_CO_HIEU_LUC',
] as const;
export type NotPublishReason = (typeof NOT_PUBLISH_REASONS)[number];

export interface NotPublishReasonInfo {
  readonly label: Label;
  /** Where the reason comes from; `[?]` marks a secondary source (vn-court-forms.md §3.2 item 3). */
  readonly basis: string;
}

export const NOT_PUBLISH_REASON_INFO: Record<NotPublishReason, NotPublishReasonInfo> = {
  XET_XU_KIN: {
    label: { vi: 'Vụ án được xét xử kín', en: 'The case was heard in closed session' },
    basis: 'NQ 03/2017/NQ-HĐTP, Điều 4 khoản 1',
  },
  BI_MAT_NHA_NUOC: {
    label: { vi: 'Có nội dung thuộc bí mật nhà nước hoặc Nhà nước chưa công bố', en: 'Contains state secrets or matters the State has not yet disclosed' },
    basis: 'NQ 03/2017/NQ-HĐTP, Điều 4 khoản 2 điểm a',
  },
  BI_MAT_KINH_DOANH: {
    label: {
      vi: 'Có thông tin về tài chính, đầu tư, bí quyết kinh doanh, công nghệ chưa công khai mà người tham gia tố tụng yêu cầu giữ bí mật',
      en: 'Contains financial or investment information, trade know-how or undisclosed technology a participant asked to keep secret',
    },
    basis: 'NQ 03/2017/NQ-HĐTP, Điều 4 khoản 2 điểm b',
  },
  THUAN_PHONG_MY_TUC: {
    label: { vi: 'Có thể ảnh hưởng xấu đến thuần phong mỹ tục của địa phương, dân tộc, cộng đồng', en: 'Could harm the good customs of a region, ethnic group or community' },
    basis: 'NQ 03/2017/NQ-HĐTP, Điều 4 khoản 2 điểm c',
  },
  BI_MAT_CA_NHAN_CHUA_MA_HOA: {
    label: { vi: 'Có bí mật cá nhân, bí mật gia đình chưa được mã hóa theo Điều 7', en: 'Contains personal or family secrets not anonymised under Art. 7' },
    basis: 'NQ 03/2017/NQ-HĐTP, Điều 4 khoản 2 điểm d',
  },
  NGUOI_DUOI_18: {
    label: { vi: 'Có người tham gia tố tụng là người dưới 18 tuổi', en: 'A participant is under 18' },
    basis: 'Danh mục lý do không công bố của Tòa án [?]',
  },
  CHUA_CO_HIEU_LUC: {
    label: { vi: 'Bản án, quyết định bị kháng cáo, kháng nghị (chưa có hiệu lực pháp luật)', en: 'Appealed or protested (no legal effect yet)' },
    basis: 'NQ 03/2017/NQ-HĐTP, Điều 3 [?]',
  },
};
