import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import miniappPackage from '../miniapp/package.json'
import devConfig from './dev'
import prodConfig from './prod'
import projectConfig from '../project.config.json'
import { releaseProblems } from './release'

const DEFAULT_API_BASE = 'http://127.0.0.1:3000/api/v1'
const apiBase = process.env.TARO_APP_API_BASE || DEFAULT_API_BASE
const outputRoot = process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`

// `npm run release:weapp` / `release:alipay` set TARO_APP_RELEASE: such a build must be one the
// platforms' review can accept, or it is not made at all.
if (process.env.TARO_APP_RELEASE === '1') {
  const problems = releaseProblems({
    platform: process.env.TARO_ENV,
    apiBase,
    weappAppId: projectConfig.appid,
  })
  if (problems.length > 0) {
    throw new Error(`Release build refused:\n- ${problems.join('\n- ')}`)
  }
}

/** @gh/shared is TypeScript source reached through node_modules; Babel must compile it too. */
const compile = { include: [path.resolve(__dirname, '..', 'shared', 'src')] }

/*
 * Sizes are written in CSS px and never converted: a `18px` in SCSS is 18 CSS px in the H5
 * build and 18 logical px in the mini-programs, so the elderly-mode minimums (18 pt text,
 * 60 pt targets) are exactly what the stylesheet says, not a ratio of the screen width.
 * pxtransform stays on only for its other job, the `#ifdef h5` blocks in style files.
 */
const pxtransform = { enable: true, config: { methods: ['platform'] } }
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gas-heating-service-hall',
    date: '2026-11-26',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'miniapp/src',
    // TARO_OUTPUT_ROOT lets a test build elsewhere without racing `npm start`'s build in dist/.
    outputRoot,
    plugins: [path.resolve(__dirname, 'plugins/mini-aria.cjs')],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      APP_VERSION: JSON.stringify(miniappPackage.version),
      // Alipay 云客服: the utility's 企业编码 and 聊天窗编码 for the in-app chat button in 我的.
      ALIPAY_CONTACT: JSON.stringify({
        tntInstId: process.env.TARO_APP_ALIPAY_CONTACT_TNT_INST_ID ?? '',
        scene: process.env.TARO_APP_ALIPAY_CONTACT_SCENE ?? '',
      }),
    },
    copy: {
      patterns:
        process.env.TARO_ENV === 'weapp'
          ? [{ from: 'miniapp/src/sitemap.json', to: `${outputRoot}/sitemap.json` }]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Taro's H5 minifier options quote every object key (terser `quote_keys`), and terser then
    // quotes class private names too (`#a` becomes `#"a"`, a syntax error that stops the app).
    // No browser or mini-program engine this app targets needs quoted keys.
    terser: { enable: true, config: { output: { quote_keys: false } } },
    mini: {
      compile,
      // Component styles do not depend on each other's order; without this, webpack warns.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform,
        cssModules: { enable: false },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        pxtransform,
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
