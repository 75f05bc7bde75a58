// What Taro's build defines: the platform, config/index.ts's defineConstants, and the runtime
// switches webpack5-runner's DefinePlugin sets (its defaults).
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.FRAMEWORK = 'react'
Object.assign(globalThis, {
  API_BASE: 'http://127.0.0.1:3000/api/v1',
  APP_VERSION: '0.0.0-test',
  ALIPAY_CONTACT: { tntInstId: '', scene: '' },
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: false,
  ENABLE_SIZE_APIS: false,
  ENABLE_TEMPLATE_CONTENT: false,
  ENABLE_CLONE_NODE: false,
  ENABLE_CONTAINS: false,
  ENABLE_MUTATION_OBSERVER: false,
  DEPRECATED_ADAPTER_COMPONENT: false,
})
