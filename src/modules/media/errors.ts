import { defineErrors } from '../../platform/errors.js';

export const MediaErrors = defineErrors({
  MEDIA_NOT_FOUND: { status: 404, en: 'Image {id} was not found.', zh: '图片 {id} 不存在。' },
  MEDIA_RENDITION_NOT_FOUND: {
    status: 404,
    en: 'There is no rendition {file}: ask for <width>.webp with a width of {widths}.',
    zh: '没有 {file} 这个尺寸：请求 <宽度>.webp，宽度为 {widths} 之一。',
  },
  MEDIA_UNSUPPORTED: {
    status: 415,
    en: 'The file is not a JPEG, PNG, WebP, AVIF or GIF image.',
    zh: '文件不是 JPEG、PNG、WebP、AVIF 或 GIF 图片。',
  },
  MEDIA_TOO_LARGE: { status: 413, en: 'The image is larger than {limit} MB.', zh: '图片超过 {limit} MB 上限。' },
  MEDIA_DIMENSIONS: {
    status: 422,
    en: 'The image is {width}×{height} pixels; at most {max} pixels a side and {megapixels} megapixels are accepted.',
    zh: '图片尺寸为 {width}×{height} 像素；每边最多 {max} 像素、总计最多 {megapixels} 百万像素。',
  },
  MEDIA_EMPTY: { status: 400, en: 'The request carries no image: send its bytes as the body.', zh: '请求中没有图片：请将图片内容作为请求体发送。' },
});
