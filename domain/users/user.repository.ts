import type { EntityManager } from '../shared/persistence.ts';
import { User } from './user.entity.ts';

/** Reads of people beyond the user service's own: who holds which roles. */
export const userRepository = {
  /** The roles of each of the given usernames that is an active user (inactive or unknown ones are absent). */
  async activeRoles(em: EntityManager, usernames: string[]): Promise<Map<string, string[]>> {
    if (usernames.length === 0) return new Map();
    const users = await em.find(User, { active: true, username: { $in: usernames } }, { fields: ['username', 'roles'], disableIdentityMap: true });
    return new Map(users.map((u) => [u.username, u.roles]));
  },
};
