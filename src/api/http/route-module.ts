import type { Router } from 'express';
import type { ZodOpenApiPathsObject } from 'zod-openapi';

/**
 * A route module = an Express router + the OpenAPI description of its paths. The paths are
 * static (no dependencies needed) so the OpenAPI document can be built without a running service.
 */
export interface RouteModule {
  router: Router;
}
export type OpenApiPaths = ZodOpenApiPathsObject;
