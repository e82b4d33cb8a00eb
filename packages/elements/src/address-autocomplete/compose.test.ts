// What the field says after a pick: the house number, lane and street typed, then the record, in
// the order an address is written (the lane joins the street: `18 Ngõ 3 Phan Chu Trinh`).
import { expect } from '@open-wc/testing';
import type { Suggestion } from '@diachiso/core';
import { composeAddress } from './compose.js';

const street = {
  id: 'street:tran-phu',
  kind: 'street',
  label: 'Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa',
  street: 'Trần Phú',
} as unknown as Suggestion;

describe('composeAddress', () => {
  it('a chosen street takes the typed house number', () => {
    const c = composeAddress('12 tran phu', street);
    expect(c.text).to.equal('12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa');
    expect(c.houseNumber).to.equal('12');
  });

  it('a lane typed before the street joins it, as verify writes the address', () => {
    for (const typed of ['Hẻm 5 Trần Phú số 7', '7 hẻm 5 tran phu']) {
      const c = composeAddress(typed, street);
      expect(c.houseNumber, typed).to.equal('7');
      expect(c.alley?.toLowerCase(), typed).to.equal('hẻm 5');
      expect(c.text, typed).to.match(/^7 Hẻm 5 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa$/iu);
    }
  });
});
