// Aliases: given name → initial without its tone mark, numbered collisions, business initials.
import { describe, expect, it } from 'vitest';
import { initialOf } from '../../../../shared/anonymise/letters.js';
import { organisationAlias, planPersonAliases } from '../../../../shared/anonymise/names.js';
import { isOfficerRole } from '../../../../shared/anonymise/roles.js';

describe('initialOf', () => {
  it('keeps the letter, drops the tone (Vietnamese alphabet letters, CV 144)', () => {
    expect(['An', 'Ánh', 'Đức', 'Ước', 'Ấn', 'ăn', 'ổn', 'ơn'].map(initialOf)).toEqual(['A', 'A', 'Đ', 'Ư', 'Â', 'Ă', 'Ô', 'Ơ']);
    expect(initialOf('A\u0301nh')).toBe('A');
  });
});

describe('planPersonAliases', () => {
  it('replaces only the given name', () => {
    expect(planPersonAliases(['Nguyễn Văn An', 'Phạm Đức Hùng', 'Vũ Thị Lan Anh']).map((a) => a.alias)).toEqual(['Nguyễn Văn A', 'Phạm Đức H', 'Vũ Thị Lan A']);
  });

  it('numbers full collisions in list order and leaves different family names alone', () => {
    const aliases = planPersonAliases(['Phan Hoài Hải', 'Nguyễn Văn Tâm', 'Phan Hoài Hùng', 'Trần Văn Tâm', 'Phan Hoài Hà']);
    expect(aliases.map((a) => a.alias)).toEqual(['Phan Hoài H1', 'Nguyễn Văn T', 'Phan Hoài H2', 'Trần Văn T', 'Phan Hoài H3']);
  });

  it('treats the same name given twice (or in NFD, or in other case) as one person', () => {
    const aliases = planPersonAliases(['Nguyễn Văn An', 'Nguyễn Văn An'.normalize('NFD'), 'NGUYỄN VĂN AN']);
    expect(aliases).toHaveLength(1);
    expect(aliases[0]?.alias).toBe('Nguyễn Văn A');
  });
});

describe('organisationAlias', () => {
  it('keeps the legal form and business-line words, initials the name', () => {
    expect(organisationAlias('Công ty TNHH Hoàng Bảo')).toBe('Công ty TNHH HB');
    expect(organisationAlias('Công ty TNHH Thương mại Hòa Bình')).toBe('Công ty TNHH Thương mại HB');
    expect(organisationAlias('Công ty cổ phần Đầu tư và Phát triển Sao Việt')).toBe('Công ty cổ phần Đầu tư và Phát triển SV');
    expect(organisationAlias('Ngân hàng TMCP Á Châu')).toBe('Ngân hàng TMCP AC');
  });

  it('leaves state bodies named', () => {
    expect(organisationAlias('Ủy ban nhân dân xã Tân Hòa')).toBeUndefined();
  });
});

describe('isOfficerRole', () => {
  it('knows officers by code and by Vietnamese label', () => {
    for (const role of ['presidingJudge', 'judge', 'assessor', 'clerk', 'prosecutor', 'Thẩm phán', 'Hội thẩm nhân dân', 'Thư ký phiên tòa', 'Kiểm sát viên']) expect(isOfficerRole(role), role).toBe(true);
    for (const role of ['accused', 'victim', 'Bị cáo', 'Người làm chứng', 'defenceCounsel']) expect(isOfficerRole(role), role).toBe(false);
  });
});
