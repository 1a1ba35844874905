import type { EntityManager, NewRow } from '../shared/persistence.ts';
import { NotFoundError } from '../shared/errors.ts';
import { variantMessage } from './variant.messages.ts';
import { Touchpoint, type ITouchpoint } from './touchpoint.entity.ts';
import { EditionVariant, VariantVersion, type IVariantVersion } from './variant.entity.ts';
import type { Keyset, PageWindow } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';

/** The touchpoints in code order, as their cursors read. */
export const TOUCHPOINTS: Keyset<ITouchpoint> = { list: 'touchpoints', columns: [{ name: 'code', type: 'text', direction: 'asc' }], keyOf: (t) => [t.code] };

/** Queries for variants (profile overlays) and touchpoints. */
export const variantRepository = {
  /** Adds a variant version to the unit of work (written with the caller's transaction). */
  insert(em: EntityManager, version: NewRow<IVariantVersion>): IVariantVersion {
    return em.create(VariantVersion, version);
  },

  /** Stores the touchpoints whose codes are not stored yet; returns how many were added. */
  async addTouchpoints(em: EntityManager, touchpoints: ITouchpoint[]): Promise<number> {
    const known = new Set((await em.find(Touchpoint, {}, { fields: ['code'] })).map((t) => t.code));
    const added = touchpoints.filter((t) => !known.has(t.code));
    for (const t of added) em.create(Touchpoint, t);
    await em.flush();
    return added.length;
  },

  /** The newest version of every profile. */
  async latestVersions(em: EntityManager): Promise<{ profile: string; version: number }[]> {
    return em.execute<{ profile: string; version: number }[]>(`select profile, max(version) as version from variant_version group by profile order by profile`);
  },

  latest(em: EntityManager, profile: string): Promise<IVariantVersion | null> {
    return em.findOne(VariantVersion, { profile }, { orderBy: { version: 'desc' } });
  },

  async get(em: EntityManager, profile: string, version: number): Promise<IVariantVersion> {
    const row = await em.findOne(VariantVersion, { profile, version });
    if (!row) throw new NotFoundError(variantMessage('variant.version_not_found', { version, profile }), `${profile}@${version}`);
    return row;
  },

  /** The variant versions an edition pins, by profile. */
  async pinned(em: EntityManager, editionName: string): Promise<Map<string, number>> {
    const rows = await em.find(EditionVariant, { editionName }, { orderBy: { profile: 'asc' } });
    return new Map(rows.map((r) => [r.profile, r.version]));
  },

  /** One window of the touchpoints (of a journey stage), by code. */
  listTouchpoints(em: EntityManager, stage: string | null | undefined, window: PageWindow): Promise<ITouchpoint[]> {
    const { where, orderBy, limit } = ormWindow(TOUCHPOINTS, window);
    return em.find(Touchpoint, withWindow(stage ? { stage } : {}, where), { orderBy, limit });
  },

  countTouchpoints(em: EntityManager, stage: string | null | undefined): Promise<number> {
    return em.count(Touchpoint, stage ? { stage } : {});
  },
};
