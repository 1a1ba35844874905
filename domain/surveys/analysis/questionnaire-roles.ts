/**
 * The roles of a questionnaire version's questions, read from its JSON-Schema annotations
 * (the convention of domain/surveys): `x-role` overall | nps | driver | comment on a property,
 * `x-driver` the driver's name; scales from `minimum` / `maximum`. Results always read the roles of
 * the wave's pinned version, so they are reproducible from it.
 */
import type { DriverQuestion } from './key-drivers.ts';

export interface QuestionRoles {
  overall: DriverQuestion | null;
  nps: string | null;
  drivers: DriverQuestion[];
}

type Property = Record<string, unknown>;

/** The overall, NPS and driver questions of a questionnaire schema, drivers in document order. */
export function questionRoles(schema: Record<string, unknown>): QuestionRoles {
  const properties = (schema.properties ?? {}) as Record<string, Property>;
  const roles: QuestionRoles = { overall: null, nps: null, drivers: [] };
  for (const [key, property] of Object.entries(properties)) {
    if (!property || typeof property !== 'object') continue;
    const role = property['x-role'];
    if (role === 'nps' && roles.nps === null) roles.nps = key;
    else if (role === 'overall' && roles.overall === null) roles.overall = scaled(key, String(property.title ?? key), property);
    else if (role === 'driver') roles.drivers.push(scaled(key, String(property['x-driver'] ?? property.title ?? key), property));
  }
  return roles;
}

function scaled(key: string, name: string, property: Property): DriverQuestion {
  const min = typeof property.minimum === 'number' ? property.minimum : 1;
  const max = typeof property.maximum === 'number' ? property.maximum : 5;
  return { key, name, min, max };
}
