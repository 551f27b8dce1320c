import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { problemResponses } from '../../http/route-helpers.ts';
import { exportDocumentSchema } from '../../../core/schemas/export.ts';

const query = z.object({
  download: z.enum(['0', '1']).optional().describe('1: answer as a file to save (Content-Disposition: attachment).'),
});

export function exportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = ctx.services.export;

  r.get('/api/v1/me/export', {
    schema: {
      tags: ['export'],
      summary: 'Everything I own, decrypted, as one JSON document (format: docs/export-format.md)',
      querystring: query,
      response: { 200: exportDocumentSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const doc = await service.exportFor(request.actor);
      // My own words in the clear: never kept by a browser or proxy cache.
      reply.header('cache-control', 'no-store');
      if (request.query.download === '1') {
        reply.header('content-disposition', `attachment; filename="trellis-export-${doc.exportedAt.slice(0, 10)}.json"`);
      }
      return doc;
    },
  });
}
