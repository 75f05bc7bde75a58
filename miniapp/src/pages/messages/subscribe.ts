/*
 * Taro builds pick subscribe.weapp.ts / subscribe.alipay.ts / subscribe.h5.ts by TARO_ENV; this
 * file is what TypeScript and Jest see, and it has the same interface.
 */
export { subscriptions } from './subscribe.h5'
