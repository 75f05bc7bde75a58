import { shownRoute, tabIndexOf, tabPages } from './pages'

describe('tab pages', () => {
  test('when a route is a tab page, with or without slash or query, then its index is found', () => {
    expect(tabIndexOf('/pages/index/index')).toBe(0)
    expect(tabIndexOf('pages/bills/index')).toBe(1)
    expect(tabIndexOf('/pages/repairs/index?accountNo=1000000001')).toBe(2)
    expect(tabIndexOf('pages/me/index')).toBe(3)
  })

  test('when a route is not a tab page or unknown, then no tab is selected', () => {
    expect(tabIndexOf('/pages/orders/detail')).toBe(-1)
    expect(tabIndexOf(undefined)).toBe(-1)
  })

  test('when a page shows, then subscribers to the shown route hear of it', () => {
    const heard: (string | undefined)[] = []
    const stop = shownRoute.subscribe(() => heard.push(shownRoute.get()))
    shownRoute.set(tabPages[1])
    shownRoute.set(tabPages[1])
    stop()
    shownRoute.set(tabPages[2])
    expect(heard).toEqual(['/pages/bills/index'])
  })
})
