// Alipay's name for the custom tab bar folder (Taro compiles `customize-tab-bar/` for alipay).
export { default } from '../custom-tab-bar'
