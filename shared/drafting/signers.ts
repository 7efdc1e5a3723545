/**
 * Who must sign a document before it is final (issue #5, BLTTDS 2015 / BLTTHS 2015 forms):
 *
 * | kind                                   | required signers                                  |
 * |----------------------------------------|---------------------------------------------------|
 * | hearingMinutes, mediationMinutes       | chủ tọa (presiding judge) and thư ký (clerk)      |
 * | deliberationMinutes (biên bản nghị án) | every sitting panel member: judges and assessors  |
 * | judgment                               | chủ tọa, on behalf of the panel (TM. HĐXX)        |
 * | decision, other                        | chủ tọa (the judge who issues it)                 |
 *
 * The chủ tọa is the `presidingJudge` member; a panel of one judge with no one marked presiding
 * (a mediation, a single-judge decision) has that judge preside. Alternates sign nothing: an
 * alternate who sat was recorded in the regular role.
 */
import { domainError, err, ok, type Result } from '../domain/result.js';
import type { DocumentKind } from '../domain/vocabulary.js';
import type { DocumentPanelMember } from './document-doc.js';

export type SignerCapacity = 'presidingJudge' | 'clerk' | 'judge' | 'assessor';

export interface RequiredSigner {
  readonly capacity: SignerCapacity;
  readonly staffId: string;
  readonly name: string;
}

export const SIGNER_CAPACITY_LABELS: Record<SignerCapacity, { vi: string; en: string }> = {
  presidingJudge: { vi: 'Thẩm phán - Chủ tọa phiên tòa', en: 'Presiding judge' },
  clerk: { vi: 'Thư ký phiên tòa', en: 'Hearing clerk' },
  judge: { vi: 'Thẩm phán', en: 'Judge' },
  assessor: { vi: 'Hội thẩm nhân dân', en: "People's assessor" },
};

/**
 * @example
 *   requiredSigners('hearingMinutes', panel)
 *   // ok([{ capacity: 'presidingJudge', staffId: 's-judge-01', … }, { capacity: 'clerk', staffId: 's-clerk-01', … }])
 */
export function requiredSigners(kind: DocumentKind, panel: readonly DocumentPanelMember[]): Result<RequiredSigner[]> {
  const presiding = presidingOf(panel);
  const clerk = panel.find((m) => m.role === 'clerk');
  const noPresiding = () =>
    err(domainError('signing.noPresiding', 'Hội đồng xét xử chưa có Thẩm phán - Chủ tọa phiên tòa; hãy cập nhật thành phần Hội đồng trong hồ sơ vụ án.', 'The panel has no presiding judge.'));
  switch (kind) {
    case 'hearingMinutes':
    case 'mediationMinutes': {
      if (!presiding) return noPresiding();
      if (!clerk) return err(domainError('signing.noClerk', 'Hồ sơ vụ án chưa có Thư ký phiên tòa; hãy cập nhật thành phần tham gia.', 'The case has no hearing clerk.'));
      return ok([signer('presidingJudge', presiding), signer('clerk', clerk)]);
    }
    case 'deliberationMinutes': {
      if (!presiding) return noPresiding();
      const others = panel.filter((m) => m !== presiding && (m.role === 'judge' || m.role === 'assessor'));
      return ok([signer('presidingJudge', presiding), ...others.map((m) => signer(m.role as 'judge' | 'assessor', m))]);
    }
    case 'judgment':
    case 'decision':
    case 'other':
      return presiding ? ok([signer('presidingJudge', presiding)]) : noPresiding();
  }
}

function presidingOf(panel: readonly DocumentPanelMember[]): DocumentPanelMember | undefined {
  const marked = panel.find((m) => m.role === 'presidingJudge');
  if (marked) return marked;
  const judges = panel.filter((m) => m.role === 'judge');
  return judges.length === 1 ? judges[0] : undefined;
}

function signer(capacity: SignerCapacity, member: DocumentPanelMember): RequiredSigner {
  return { capacity, staffId: member.staffId, name: member.name };
}

/** The capacities `staffId` must sign in (a presiding judge of a deliberation signs once). */
export function capacitiesOf(required: readonly RequiredSigner[], staffId: string | undefined): RequiredSigner[] {
  return staffId === undefined ? [] : required.filter((r) => r.staffId === staffId);
}
