import { TabBar } from './tab-bar'
import './index.scss'

/*
 * Entry of the mini-programs' custom tab bar (`tabBar.custom` in app.config.ts). WeChat reads
 * this folder; Alipay reads `customize-tab-bar/`, which re-exports it. H5 keeps Taro's own bar.
 */
export default function CustomTabBar() {
  return <TabBar />
}
