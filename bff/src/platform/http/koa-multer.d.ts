// @koa/multer ships no types; this is the part of its API the BFF uses.
declare module '@koa/multer' {
  import type { Middleware } from 'koa'
  import type multer from 'multer'

  interface KoaMulter {
    /** Reads the one file of `field` into `ctx.file`; other parts' values into the body. */
    single(field: string): Middleware
  }

  function koaMulter(options?: multer.Options): KoaMulter

  namespace koaMulter {
    const memoryStorage: typeof multer.memoryStorage
  }

  export = koaMulter
}
