export * from './api'
export * from './errors'
