// Every operation of the platform contract, answered from the embedded dataset (loaded with the
// first operation of a LocalPlatform).
import type { UnitRef } from '@diachiso/core';
import { DiachisoError } from './errors.js';
import type { Handler } from './local-platform.js';
import type { Answer, Op } from './platform.js';

const search = () => import('@diachiso/search');

const codes = () => import('./codes.js');

/** A unit's reference; a ward's carries its postal code where the dataset has it. */
const unit = (u: { code: string; fullName: string; postalCode?: string }): UnitRef => ({
  code: u.code,
  name: u.fullName,
  ...(u.postalCode ? { postalCode: u.postalCode } : {}),
});

/** Every operation, offline. @internal */
export const handlers: { readonly [K in Op]: Handler<K> } = {
  health: async () => ({ status: 'ok' }),
  suggest: async (p, a) => {
    const { engine } = await p.searcher();
    const { q, ...opts } = a;
    return engine.suggest(q, opts);
  },
  search: async (p, a) => {
    const { engine } = await p.searcher();
    return engine.suggest(a.q, {
      limit: a.limit,
      ...(a.province ? { province: a.province } : {}),
      ...(a.kinds ? { kinds: a.kinds } : {}),
    });
  },
  retrieve: async (p, a) => ((await (await p.searcher()).engine.get(a.id)) ?? null) as Answer<'retrieve'>,
  reverse: async (p, a) => (await p.searcher()).engine.reverse(a.point, a.nearby ?? {}),
  convertLegacy: async (p, a) => {
    const { parsed: _p, input: _i, ...rest } = (await p.engine()).convertLegacy(a.q);
    return rest;
  },
  encodeCode: async (p, a) => {
    const e = await p.engine();
    const c = e.encodeCode(a.point);
    if (!c.zoneKnown) return c;
    const w = e.index.registry.ward(c.zone);
    return { ...c, ...(w ? { ward: unit(w) } : {}) };
  },
  decodeCode: async (p, a) => {
    const e = await p.engine();
    const d = e.decodeCode(a.code);
    if (!d) {
      const r = e.parseCode(a.code);
      const locale = p.options.locale;
      throw new DiachisoError('invalid-input', { locale, detail: r.ok ? '' : locale === 'en' ? r.en : r.vi });
    }
    const w = e.index.registry.ward(d.zone);
    return { ...d, ...(w ? { ward: unit(w) } : {}) };
  },
  parseCode: async (p, a) => {
    const [e, m] = await Promise.all([p.engine(), codes()]);
    return m.readLocal(e, a.text);
  },
  lookupCode: async (p, a) => {
    const [st, m] = await Promise.all([p.store(), codes()]);
    return m.lookupLocal(st, a.code);
  },
  verify: async (p, a) => (await p.engine()).verify(a.input),
  layer: async (p, a) => (await p.engine()).layer(a.category, a.bbox),
  exportRecords: async (p, a) => {
    const [e, m, regs] = await Promise.all([p.engine(), search(), p.registrations()]);
    const page = m.exportRecords(e, regs, a.query);
    const tail = { total: page.total, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    if (a.format === 'csv') return { text: m.toCsv(page.items), ...tail };
    if (a.format === 'geojson') return { text: JSON.stringify(m.toGeoJson(page)), ...tail };
    return page;
  },
  coverage: async (p, a) => {
    const [e, m, regs] = await Promise.all([p.engine(), search(), p.registrations()]);
    return m.coverage(e, regs, a.province, a.ward);
  },
  provinces: async (p) => (await p.engine()).index.registry.provinces.map(unit),
  wards: async (p, a) => {
    const r = (await p.engine()).index.registry;
    // An unknown province is a 404 on the platform: the same error here, not an empty list.
    if (!r.province(a.province)) throw new DiachisoError('not-found', { locale: p.options.locale, detail: 'no province with this code' });
    return r.wardsOf(a.province).map(unit);
  },
  ward: async (p, a) => {
    const r = (await p.engine()).index.registry;
    const w = r.ward(a.code);
    const pr = w && r.province(w.provinceCode);
    return w && pr ? { ...unit(w), province: unit(pr) } : null;
  },
  registration: async (p, a) => (await p.store()).get(a.id) ?? null,
  notice: async (p, a) => {
    const r = (await p.store()).get(a.id);
    if (!r?.record) throw new DiachisoError('not-found', { locale: p.options.locale, detail: 'no created registration with this id' });
    return (await search()).noticeText(r.record, a.channel, a.lang);
  },
  declare: async (p, a) => {
    const st = await p.store();
    try {
      return st.declare(a.declaration, a.key);
    } catch (e) {
      return p.registrationError(e);
    }
  },
  create: async (p, a) => {
    const st = await p.store();
    try {
      return st.create(a.id, a.key);
    } catch (e) {
      return p.registrationError(e);
    }
  },
  approve: async (p, a) => {
    const st = await p.store();
    try {
      return st.verify(a.id, a.decision, a.key, a.note);
    } catch (e) {
      return p.registrationError(e);
    }
  },
};
