import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import { problemSchema } from '../../platform/http/pagination.js';
import { MediaErrors } from './errors.js';
import { parseRenditionFile, RENDITION_WIDTHS } from './renditions.js';
import type { MediaFile, MediaService } from './service.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Public, cacheable forever: an asset's original and its WebP renditions. */
export function mediaPublicRoutes(media: MediaService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['media'];
    const send = (req: FastifyRequest, reply: FastifyReply, file: Pick<MediaFile, 'etag'> & Partial<MediaFile>) => {
      reply
        .header('cache-control', IMMUTABLE)
        .header('etag', file.etag)
        // Headless storefronts on other origins may show these images too.
        .header('cross-origin-resource-policy', 'cross-origin');
      if (matches(req.headers['if-none-match'], file.etag)) return reply.code(304).send();
      return reply.type(file.contentType!).send(file.data);
    };

    app.get('/media/:id', {
      schema: {
        operationId: 'getMedia', tags, summary: 'An image as uploaded',
        params: z.object({ id: z.string() }),
        response: { 404: problemSchema },
      },
    }, async (req, reply) => send(req, reply, await media.original(req.params.id)));

    app.get('/media/:id/:file', {
      schema: {
        operationId: 'getMediaRendition', tags,
        summary: `A WebP rendition <width>.webp, width one of ${RENDITION_WIDTHS.join(', ')} (never wider than the original)`,
        params: z.object({ id: z.string(), file: z.string() }),
        response: { 404: problemSchema },
      },
    }, async (req, reply) => {
      const width = parseRenditionFile(req.params.file);
      if (width === null) {
        throw new AppError(MediaErrors.MEDIA_RENDITION_NOT_FOUND, { file: req.params.file.slice(0, 40), widths: RENDITION_WIDTHS.join(', ') });
      }
      const etag = await media.renditionEtag(req.params.id, width);
      if (matches(req.headers['if-none-match'], etag)) return send(req, reply, { etag });
      return send(req, reply, await media.rendition(req.params.id, width));
    });
  };
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
}
