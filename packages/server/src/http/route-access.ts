import type { Permission } from '@celltrial/core';

/**
 * What a route requires. Every /api route must declare one (create-app refuses to start otherwise):
 * - public: anyone (login, health, the OpenAPI document);
 * - authenticated: any logged-in user (their own session, their study list);
 * - a permission, checked against the study (and site) named in the path parameters.
 */
export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'permission'; readonly permission: Permission };

export const PUBLIC: RouteAccess = { kind: 'public' };
export const AUTHENTICATED: RouteAccess = { kind: 'authenticated' };
export const requires = (permission: Permission): RouteAccess => ({ kind: 'permission', permission });

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
