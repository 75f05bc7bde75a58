/*
 * Taro's mini-program templates drop attributes they do not list, and they list no ARIA
 * attributes (NervJS/taro#10025: the maintainers point to @tarojs/plugin-inject). This local
 * plugin does the one thing we need from it: add the screen-reader attributes to the templates
 * and to the runtime's attribute table, so `ariaLabel` / `ariaRole` props reach WeChat's and
 * Alipay's screen readers.
 */
const path = require('node:path')
const attributes = require('./aria-attributes.json')

const RUNTIME = path.join(__dirname, 'mini-aria-runtime.js')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      const patch = attributes[platform.platform]
      if (!patch || !platform.template) return
      platform.template.mergeComponents(ctx, patch)
      const current = platform.runtimePath
      platform.runtimePath = [...(Array.isArray(current) ? current : [current]), RUNTIME]
    },
  })
}
