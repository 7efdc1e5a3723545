// Addresses: the province stays, lower units become initials, numbers stay.
import { describe, expect, it } from 'vitest';
import { anonymiseAddress } from '../../../../shared/anonymise/address.js';

describe('anonymiseAddress', () => {
  it.each([
    ['ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long', 'ấp P, xã T, tỉnh Vĩnh Long'],
    ['số 12 đường Lê Lợi, phường Long Châu, tỉnh Vĩnh Long', 'số 12 đường L, phường L, tỉnh Vĩnh Long'],
    ['Số 92, khu Dốc, thị trấn Đồng Đăng, huyện Cao Lộc, tỉnh Lạng Sơn', 'Số 92, khu D, thị trấn Đ, huyện C, tỉnh Lạng Sơn'],
    ['tổ 5, phường 4, tỉnh Vĩnh Long', 'tổ 5, phường 4, tỉnh Vĩnh Long'],
    ['ấp 4, xã Tân An, tỉnh Vĩnh Long', 'ấp 4, xã T, tỉnh Vĩnh Long'],
    ['thôn Ước Lễ, đặc khu Phú Quốc, tỉnh An Giang', 'thôn Ư, đặc khu P, tỉnh An Giang'],
    ['phường Bến Nghé, thành phố Hồ Chí Minh', 'phường B, thành phố Hồ Chí Minh'],
    ['tỉnh Vĩnh Long', 'tỉnh Vĩnh Long'],
  ])('%s → %s', (input, expected) => {
    expect(anonymiseAddress(input)).toBe(expected);
  });
});
