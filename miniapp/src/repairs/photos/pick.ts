/*
 * Taro builds pick pick.weapp.ts / pick.alipay.ts / pick.h5.ts by TARO_ENV; this file is what
 * TypeScript and Jest see, and it has the same interface.
 */
export { pickPhotos } from './pick.h5'
