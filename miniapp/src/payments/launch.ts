/*
 * Taro builds pick launch.weapp.ts / launch.alipay.ts / launch.h5.ts by TARO_ENV; this file is
 * what TypeScript and Jest see, and it has the same interface.
 */
export { launchPayment } from './launch.h5'
