import { useEffect, useState } from 'react';
import { request } from './graphql.ts';

export interface Touchpoint {
  code: string;
  name: string;
  stage: string;
  place: string;
}

export interface Project {
  id: number;
  code: string;
  name: string;
  type: string;
  region: string;
  profile: string;
  places: { id: number; name: string; kind: string }[];
}

// Reference data changes rarely: each list is fetched once per page load and shared.
const cache = new Map<string, Promise<unknown>>();

function shared<T>(key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}

function useShared<T>(key: string, load: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    shared(key, load).then((v) => live && setValue(v), () => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return value;
}

/** The 215 customer touchpoints, by code. */
export function useTouchpoints(): Touchpoint[] | undefined {
  return useShared('touchpoints', async () => (await request<{ touchpoints: Touchpoint[] }>('{ touchpoints { code name stage place } }')).touchpoints);
}

/** Every managed project with its places. */
export function useProjects(): Project[] | undefined {
  return useShared('projects', async () => (await request<{ projects: Project[] }>('{ projects { id code name type region profile places { id name kind } } }')).projects);
}
