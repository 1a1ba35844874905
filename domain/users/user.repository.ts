import type { EntityManager, NewRow } from '../shared/persistence.ts';
import { User, type IUser } from './user.entity.ts';

/** People: their accounts, and who holds which roles. */
export const userRepository = {
  find(em: EntityManager, username: string): Promise<IUser | null> {
    return em.findOne(User, { username });
  },

  /** Stores a user at once (in the caller's transaction), for rows that refer to it. */
  async add(em: EntityManager, user: NewRow<IUser>): Promise<IUser> {
    const row = em.create(User, user);
    await em.flush();
    return row;
  },

  /** Adds a user to the unit of work (written with the caller's transaction). */
  insert(em: EntityManager, user: NewRow<IUser>): IUser {
    return em.create(User, user);
  },

  /** The usernames among the given ones that are active users of the organisation. */
  async activeIn(em: EntityManager, organisationId: number | null, usernames: string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const users = await em.find(User, { active: true, username: { $in: usernames }, ...(organisationId === null ? {} : { organisationId }) }, { fields: ['username'], disableIdentityMap: true });
    return new Set(users.map((u) => u.username));
  },
};
