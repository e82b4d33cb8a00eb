import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type Client } from '@diachiso/sdk';
import '../dcs-verify-dialog.js';
import type { DcsVerifyDialog } from './verify-dialog.js';

let client: Client;
before(async () => {
  client = await createClient({ mode: 'offline' });
});

describe('dcs-verify-dialog', () => {
  it('explains a legacy address with its legal citation, traps focus, returns it, and resolves the choice', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">before</button>
        <dcs-verify-dialog .client=${client}></dcs-verify-dialog>
      </div>`,
    );
    const btn = wrap.querySelector('#before') as HTMLButtonElement;
    const dlg = wrap.querySelector('dcs-verify-dialog')!;
    btn.focus();
    const done = dlg.open('12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang');
    await waitUntil(() => dlg.isOpen, 'the dialog opens', { timeout: 15000 });
    await dlg.updateComplete;
    const root = dlg.shadowRoot!;
    expect(dlg.isOpen).to.equal(true);
    expect(root.querySelector('[part="suggestion"]')!.textContent).to.include('Phường Bắc Nha Trang');
    expect(root.querySelector('[part="typed"] mark')!.textContent).to.equal('P. Vĩnh Hải');
    expect(root.querySelector('[part="citation"] summary')!.textContent).to.include('khoản 50 Điều 1 Nghị quyết 1667/NQ-UBTVQH15');
    // Focus is inside, on the primary action, and Tab stays inside the modal dialog.
    expect(root.activeElement?.getAttribute('part')).to.equal('primary-button');
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'Tab' });
    expect(document.activeElement === dlg, 'focus stays in the dialog').to.equal(true);
    await expect(dlg).to.be.accessible();
    (root.querySelector('[part="primary-button"]') as HTMLButtonElement).click();
    const choice = await done;
    expect(choice.choice).to.equal('suggestion');
    expect(choice.address?.ward.code).to.equal('22333');
    expect(choice.address?.formatted).to.equal('12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa');
    expect(dlg.isOpen).to.equal(false);
    expect(document.activeElement === btn, 'focus returns to the button').to.equal(true);
  });

  it('Escape cancels; "keep mine" and "edit" are choices too; English', async () => {
    const dlg = await fixture<DcsVerifyDialog>(html`<dcs-verify-dialog lang="en" .client=${client}></dcs-verify-dialog>`);
    let p = dlg.open('Vĩnh Hải, Khánh Hòa');
    await waitUntil(() => dlg.isOpen, 'the dialog opens', { timeout: 15000 });
    await sendKeys({ press: 'Escape' });
    expect((await p).choice).to.equal('cancel');
    p = dlg.open('zzqx');
    await waitUntil(() => dlg.isOpen, 'the dialog opens', { timeout: 15000 });
    await dlg.updateComplete;
    expect(dlg.shadowRoot!.textContent).to.include('could not be found');
    expect(dlg.shadowRoot!.querySelector('[part="primary-button"]') === null).to.equal(true);
    (dlg.shadowRoot!.querySelectorAll('[part="button"]')[1] as HTMLButtonElement).click();
    expect((await p).choice).to.equal('mine');
  });

  it('offers every 2025 unit of a divided ward', async () => {
    const dlg = await fixture<DcsVerifyDialog>(html`<dcs-verify-dialog .client=${client}></dcs-verify-dialog>`);
    const p = dlg.open('Xã Cam Hòa, Huyện Cam Lâm, Khánh Hòa');
    await waitUntil(() => dlg.isOpen, 'the dialog opens', { timeout: 15000 });
    await dlg.updateComplete;
    const radios = dlg.shadowRoot!.querySelectorAll('input[type="radio"]');
    expect(radios.length).to.be.greaterThan(1);
    await expect(dlg).to.be.accessible();
    (radios[1] as HTMLInputElement).click();
    await dlg.updateComplete;
    (dlg.shadowRoot!.querySelector('[part="primary-button"]') as HTMLButtonElement).click();
    const c = await p;
    expect(c.candidate !== undefined).to.equal(true);
    expect(c.address?.ward.code).to.equal(c.candidate!.ward.code);
    expect(c.address?.formatted).to.include(c.candidate!.ward.name);
  });

  it('a ward verify chose but could not confirm: its choice selected, the others of the former district offered', async () => {
    const dlg = await fixture<DcsVerifyDialog>(html`<dcs-verify-dialog .client=${client}></dcs-verify-dialog>`);
    let p = dlg.open('12 Lê Lợi, Quốc Oai, Hà Nội');
    await waitUntil(() => dlg.isOpen, 'the dialog opens', { timeout: 15000 });
    await dlg.updateComplete;
    const radios = () => [...dlg.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const labels = () => radios().map((r) => r.parentElement!.textContent!.replace(/\s+/g, ' ').trim());
    expect(radios().length).to.be.greaterThan(1);
    expect(labels()[0]).to.match(/^Xã Quốc Oai, /u);
    expect(radios()[0]!.checked).to.equal(true);
    await expect(dlg).to.be.accessible();
    // Taken as proposed with one click…
    (dlg.shadowRoot!.querySelector('[part="primary-button"]') as HTMLButtonElement).click();
    expect((await p).address?.ward.name).to.equal('Xã Quốc Oai');
    // …or another ward of the former district.
    p = dlg.open('12 Lê Lợi, Quốc Oai, Hà Nội');
    await waitUntil(() => dlg.isOpen, 'the dialog opens', { timeout: 15000 });
    await dlg.updateComplete;
    const other = labels()[1]!.split(',')[0];
    radios()[1]!.click();
    await dlg.updateComplete;
    (dlg.shadowRoot!.querySelector('[part="primary-button"]') as HTMLButtonElement).click();
    const c = await p;
    expect(c.address?.ward.name).to.equal(other);
    expect(c.address?.formatted).to.equal(`12 Lê Lợi, ${other}, Thành phố Hà Nội`);
    expect(c.address?.postalCode).to.equal(c.candidate!.ward.postalCode);
    expect(c.address?.postalCode).to.match(/^\d{5}$/);
  });
});
