import bills from '../assets/tab/bills.png'
import billsActive from '../assets/tab/bills-active.png'
import home from '../assets/tab/home.png'
import homeActive from '../assets/tab/home-active.png'
import me from '../assets/tab/me.png'
import meActive from '../assets/tab/me-active.png'
import repairs from '../assets/tab/repairs.png'
import repairsActive from '../assets/tab/repairs-active.png'
import { pages } from '../navigation/pages'

export interface Tab {
  pagePath: string
  text: string
  icon: string
  activeIcon: string
}

/** The same four tabs, in the same order, as app.config.ts `tabBar.list` and `tabPages`. */
export const tabs: readonly Tab[] = [
  { pagePath: pages.home, text: '首页', icon: home, activeIcon: homeActive },
  { pagePath: pages.bills, text: '账单', icon: bills, activeIcon: billsActive },
  { pagePath: pages.repairs, text: '报修', icon: repairs, activeIcon: repairsActive },
  { pagePath: pages.me, text: '我的', icon: me, activeIcon: meActive },
]
