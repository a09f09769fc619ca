/**
 * Where the OpenAPI description is served: GET /openapi.json (public view: Open311 and webhooks)
 * and, mounted by the panel behind the admin role, GET /api/docs/openapi.json (the full view, read
 * by the panel's "API reference" page). Built once, on the first request.
 */
import { Router, type RequestHandler } from 'express';
import { openApiDocument, type OpenApiDocument, type SpecContext } from './openapi-document';

function serve(build: () => OpenApiDocument): RequestHandler {
  let doc: OpenApiDocument | undefined;
  return (_req, res) => {
    doc ??= build();
    res.json(doc);
  };
}

export function publicOpenApiRouter(ctx: SpecContext): Router {
  const router = Router();
  router.get('/openapi.json', serve(() => openApiDocument(ctx, 'public')));
  return router;
}

/** Mounted at /api/docs by the panel, after its session and admin checks. */
export function fullOpenApiRouter(ctx: SpecContext): Router {
  const router = Router();
  router.get('/openapi.json', serve(() => openApiDocument(ctx, 'full')));
  return router;
}
