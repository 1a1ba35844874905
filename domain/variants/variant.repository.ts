import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { NotFoundError } from '../shared/errors.ts';
import { variantMessage } from './variant.messages.ts';
import { Touchpoint, type ITouchpoint } from './touchpoint.entity.ts';
import { EditionVariant, VariantVersion, type IVariantVersion } from './variant.entity.ts';

/** Queries for variants (profile overlays) and touchpoints. */
export const variantRepository = {
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

  listTouchpoints(em: EntityManager, stage?: string | null): Promise<ITouchpoint[]> {
    return em.find(Touchpoint, stage ? { stage } : {}, { orderBy: { code: 'asc' } });
  },
};
