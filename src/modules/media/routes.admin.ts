import { z } from 'zod';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { permit } from '../staff/index.js';
import { checkedAnswer } from '../../platform/http/answer.js';
import type { AuditService } from '../audit/index.js';
import { MediaErrors } from './errors.js';
import { firstFilePart } from './multipart.js';
import { MAX_UPLOAD_BYTES, type MediaService } from './service.js';
import { MEDIA_FORMATS } from './schema.js';

const assetView = z.object({
  id: z.string(),
  url: z.string().describe('The original: /media/<id>; renditions are /media/<id>/<width>.webp'),
  width: z.number().int().describe('Intrinsic width in pixels (as displayed, after EXIF orientation)'),
  height: z.number().int(),
  format: z.enum(MEDIA_FORMATS),
  bytes: z.number().int(),
});
const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'application/octet-stream', 'multipart/form-data'];

/** Staff upload product images (raw bytes, or one file of a multipart form). */
export function mediaAdminRoutes(k: Kernel, media: MediaService, audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    // Any content type arrives as bytes; the format is sniffed from them, not taken from the header.
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
    app.setErrorHandler((err: FastifyError) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError(MediaErrors.MEDIA_TOO_LARGE, { limit: MAX_UPLOAD_BYTES / 1024 / 1024 });
      throw err; // the server's handler answers everything else
    });

    app.post('/media', {
      ...permit('catalog.write'),
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        operationId: 'uploadMedia', tags: ['admin: media'], security, consumes: UPLOAD_TYPES,
        summary: 'Upload an image (JPEG, PNG, WebP, AVIF or GIF, up to 10 MB) as the raw body or one multipart file; the same bytes give the same asset',
        response: { 200: assetView.describe('Already stored'), 201: assetView, 400: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema },
      },
    }, async (req, reply) => {
      const upload = await media.inspect(bytesOf(req));
      const { asset, created } = await k.db.transaction(async () => {
        const stored = await media.store(upload, req.staff?.id ?? null);
        if (stored.created) await audit.record(req.staff, 'media.upload', { type: 'media', id: stored.asset.id }, null, stored.asset);
        // Checked before the commit (decision 0024).
        return { asset: checkedAnswer(req, stored.created ? 201 : 200, stored.asset), created: stored.created };
      });
      return reply.code(created ? 201 : 200).send(asset);
    });
  };
}

function bytesOf(req: FastifyRequest): Buffer {
  const body = req.body;
  if (!Buffer.isBuffer(body)) throw new AppError(body === undefined || body === null ? MediaErrors.MEDIA_EMPTY : MediaErrors.MEDIA_UNSUPPORTED);
  const type = req.headers['content-type'] ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    const file = firstFilePart(body, type);
    if (!file) throw new AppError(MediaErrors.MEDIA_EMPTY);
    return file;
  }
  return body;
}
