// Runtime half of mini-aria.cjs: the reconciler only forwards props listed in this table.
import { mergeInternalComponents } from '@tarojs/shared'
import attributes from './aria-attributes.json'

const patch = attributes[process.env.TARO_ENV]
if (patch) mergeInternalComponents(patch)
