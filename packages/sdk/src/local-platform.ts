// The platform answered from the embedded dataset: every operation offline. The engine loads on
// the first operation that needs it (a failed load is not kept: the next call tries again); the
// searches run in a Web Worker when asked for; registrations (and the national address codes
// they are issued) live in the local registry, kept in IndexedDB.
import type { Registration, RegistrationError, RegistrationStore, UnitRef } from '@diachiso/core';
import type { LoadOptions } from '@diachiso/data';
import type { OfflineEngine, WorkerEngine } from '@diachiso/search';
import { DiachisoError } from './errors.js';
import type { Answer, Args, Op, Platform, RunContext, Sourced } from './platform.js';

/** What the local platform needs. @internal */
export interface LocalOptions {
  dataset?: LoadOptions | undefined;
  worker?: boolean | { url?: string | URL } | undefined;
  locale: 'vi' | 'en';
}

type Searcher = Pick<OfflineEngine, 'suggest' | 'get' | 'reverse'> | WorkerEngine;
type Handler<K extends Op> = (p: LocalPlatform, a: Args<K>) => Promise<Answer<K>>;

const search = () => import('@diachiso/search');
const codes = () => import('./codes.js');

/** Memoises a promise, forgetting a rejected one so that the next call tries again. */
function retryable<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    if (!p) {
      p = make();
      p.catch(() => (p = undefined));
    }
    return p;
  };
}

/**
 * A `LocalPlatform` answers every operation from the embedded dataset.
 *
 * @internal
 */
export class LocalPlatform implements Platform {
  readonly kind = 'local' as const;
  /** The main-thread engine (dataset loaded on first use). */
  readonly engine: () => Promise<OfflineEngine>;
  /** The searches' engine: the worker when asked for and possible, else the main-thread engine. */
  readonly searcher: () => Promise<{ engine: Searcher; thread: 'worker' | 'main' }>;
  /** The registrations made offline, with the national address codes issued to them (kept in IndexedDB). */
  readonly store: () => Promise<RegistrationStore>;
  #disposed = false;

  constructor(readonly options: LocalOptions) {
    const { locale } = options;
    this.engine = retryable(() =>
      search()
        .then((m) => m.OfflineEngine.load(options.dataset ?? {}))
        .catch((e: unknown) => {
          throw e instanceof DiachisoError
            ? e
            : new DiachisoError('unavailable', {
                locale,
                detail: `embedded dataset: ${e instanceof Error ? e.message : String(e)}`,
                cause: e,
              });
        }),
    );
    this.searcher = retryable(() =>
      options.worker
        ? search().then((m) => m.startEngine(options.dataset, options.worker))
        : this.engine().then((engine) => ({ engine, thread: 'main' as const })),
    );
    // The national address codes issued here: the ward's postal code + a serial, persisted.
    this.store = retryable(() => Promise.all([this.engine(), codes()]).then(([e, m]) => m.localRegistry(e)));
  }

  /** The registrations made offline so far (for export and coverage). */
  async registrations(): Promise<Registration[]> {
    return [...(await this.store()).all()];
  }

  async run<K extends Op>(op: K, args: Args<K>, ctx: RunContext = {}): Promise<Sourced<Answer<K>>> {
    if (ctx.signal?.aborted) throw new DiachisoError('aborted', { locale: this.options.locale });
    const handler = handlers[op] as Handler<K>;
    const value = await handler(this, args);
    if (ctx.signal?.aborted) throw new DiachisoError('aborted', { locale: this.options.locale });
    return { value, source: 'offline' };
  }

  /** Turns a `RegistrationError` into the `DiachisoError` the platform would have sent. */
  registrationError(e: unknown): never {
    if (e instanceof Error && e.name === 'RegistrationError') {
      const r = e as RegistrationError;
      const status = r.code === 'not-found' ? 404 : r.code === 'invalid' ? 422 : 409;
      throw Object.assign(
        new DiachisoError(r.code === 'not-found' ? 'not-found' : 'invalid-input', {
          locale: this.options.locale,
          status,
          detail: r.message,
        }),
        { problem: { title: r.code, detail: r.message, issues: r.issues } },
      );
    }
    throw e;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    void this.searcher()
      .then(({ engine }) => (engine as { terminate?: () => void }).terminate?.())
      .catch(() => undefined);
  }
}

/** A unit's reference; a ward's carries its postal code where the dataset has it. */
const unit = (u: { code: string; fullName: string; postalCode?: string }): UnitRef => ({
  code: u.code,
  name: u.fullName,
  ...(u.postalCode ? { postalCode: u.postalCode } : {}),
});

/** Every operation, offline. */
const handlers: { readonly [K in Op]: Handler<K> } = {
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
  wards: async (p, a) => (await p.engine()).index.registry.wardsOf(a.province).map(unit),
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
