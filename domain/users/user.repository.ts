import type { EntityManager, NewRow } from '../shared/persistence.ts';
import { User, type IUser } from './user.entity.ts';

/** People: their accounts, and who holds which roles. */
export const userRepository = {
  find(em: EntityManager, username: string): Promise<IUser | null> {
    return em.findOne(User, { username });
  },

  /** Adds a user to the unit of work (written with the caller's transaction). */
  insert(em: EntityManager, user: NewRow<IUser>): IUser {
    return em.create(User, user);
  },

  /** The roles of each of the given usernames that is an active user (inactive or unknown ones are absent). */
  async activeRoles(em: EntityManager, usernames: string[]): Promise<Map<string, string[]>> {
    if (usernames.length === 0) return new Map();
    const users = await em.find(User, { active: true, username: { $in: usernames } }, { fields: ['username', 'roles'], disableIdentityMap: true });
    return new Map(users.map((u) => [u.username, u.roles]));
  },
};
