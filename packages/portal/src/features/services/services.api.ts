import { unwrap, type paths } from '@tongban/client';
import { tongbanApi } from '@tongban/ui';

/** GET /api/catalog/services as the client's generated types say it answers. */
type CatalogAnswer = paths['/api/catalog/services']['get']['responses'][200]['content']['application/json'];
/** A matter a resident can apply for, with its application form. */
export type Service = CatalogAnswer['items'][number];
export type ServiceForm = NonNullable<Service['form']>;

let services: Promise<Service[]> | undefined;

/** The catalog's services, asked for once a page load (the catalog and the application page share it). */
export function loadServices(): Promise<Service[]> {
  services ??= unwrap(tongbanApi().GET('/api/catalog/services')).then((answer) => answer.items);
  // a failure is not kept: the next call asks again (the "try again" button)
  services.catch(() => {
    services = undefined;
  });
  return services;
}

export async function loadService(key: string): Promise<Service | undefined> {
  return (await loadServices()).find((service) => service.key === key);
}

/** The lead department's name of each matter, by matter key (who a resident's application goes to). */
export async function loadLeadDepartments(): Promise<ReadonlyMap<string, Service['title']>> {
  const found = new Map<string, Service['title']>();
  for (const service of await loadServices()) {
    const name = service.departmentNames[service.lead];
    if (name) found.set(service.key, name);
  }
  return found;
}
