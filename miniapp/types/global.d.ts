/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string
  export default src
}
declare module '*.scss'

/** Base URL of the BFF for the mini-program builds (`TARO_APP_API_BASE`, see config/index.ts). */
declare const API_BASE: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'alipay' | 'h5'
    TARO_APP_API_BASE?: string
  }
}

/** The mini-program's version (miniapp/package.json), shown in 我的. */
declare const APP_VERSION: string

/** Alipay 云客服 chat window of this build; empty strings when not configured. */
declare const ALIPAY_CONTACT: { tntInstId: string; scene: string }
