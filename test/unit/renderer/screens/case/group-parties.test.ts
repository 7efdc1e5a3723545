import { describe, expect, it } from 'vitest';
import { groupParties } from '../../../../../renderer/screens/case/group-parties.js';
import { PartySchema } from '../../../../../shared/domain/schemas.js';

const party = (input: Record<string, unknown>) => PartySchema.parse(input);

describe('groupParties', () => {
  it('orders roles as the forms do and nests counsel under whom they act for', () => {
    const parties = [
      party({ id: 'w', role: 'witness', fullName: 'Lê Văn Chứng' }),
      party({ id: 'd', role: 'defendant', fullName: 'Công ty TNHH Bình Minh', kind: 'organisation' }),
      party({ id: 'r', role: 'representative', fullName: 'Phạm Văn Đại', actsFor: ['d'] }),
      party({ id: 'p', role: 'plaintiff', fullName: 'Nguyễn Văn An' }),
      party({ id: 'x', role: 'legalRightsProtector', fullName: 'Luật sư Hồ Thị Em' }),
    ];
    const groups = groupParties('DS', parties);
    expect(groups.map((g) => g.role)).toEqual(['plaintiff', 'defendant', 'legalRightsProtector', 'witness']);
    expect(groups[1]?.entries[0]?.acting.map((a) => a.id)).toEqual(['r']);
    // The protector who acts for nobody known stays visible in its own group.
    expect(groups[2]?.entries.map((e) => e.party.id)).toEqual(['x']);
  });

  it('uses the criminal order for a criminal case', () => {
    const parties = [party({ id: 'v', role: 'victim', fullName: 'Bị hại A' }), party({ id: 'a', role: 'accused', fullName: 'Bị cáo B' })];
    expect(groupParties('HS', parties).map((g) => g.role)).toEqual(['accused', 'victim']);
  });
});
