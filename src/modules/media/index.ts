/** The media module's public face: product images uploaded by staff and their renditions. */
export { MediaService, MAX_UPLOAD_BYTES, type MediaAssetView, type MediaFile } from './service.js';
export { MediaErrors } from './errors.js';
export { mediaAdminRoutes } from './routes.admin.js';
export { mediaPublicRoutes } from './routes.public.js';
export * from './renditions.js';
