import type { HomePage, SupplyNotice } from '@gh/shared'
import { aBill, aHomeDue, aHomePage, anOrder } from '../../../test/fixtures'
import { heatingState, homeView, latenessOf, latenessText } from './home-view'

const postpaid = (sections: Partial<HomePage['sections']> = {}): HomePage => {
  const page = aHomePage({ balance: { status: 'ok', balance: null }, ...sections })
  const { account } = page.sections
  if (account.status === 'ok') account.account = { ...account.account, kind: 'postpaid_gas' }
  return page
}

const billingDown = {
  status: 'unavailable',
  message: '账单信息暂时无法获取',
  retryable: true,
} as const

const notice = (status: SupplyNotice['status']): SupplyNotice => ({
  noticeId: `N-${status}`,
  areaCode: '11010101',
  kind: 'gas',
  title: '幸福里小区管道检修停气',
  reason: '管道检修',
  scope: '幸福里小区1-6栋',
  startsAt: '2026-11-28T09:00:00+08:00',
  endsAt: '2026-11-28T17:00:00+08:00',
  issuedAt: '2026-11-25T09:00:00+08:00',
  status,
  advice: [],
})

const kinds = (page: HomePage) => homeView(page).cards.map((card) => card.kind)

describe('what 首页 shows for an account', () => {
  test('when a prepaid account owes nothing, then the headline is its balance and no card repeats it', () => {
    const view = homeView(aHomePage())
    expect(view.headline).toEqual({
      kind: 'balance',
      balance: { meterKind: 'iot', balanceFen: 8650, daysOfGas: 12, online: true },
    })
    expect(view.cards).toEqual([])
  })

  test('when a postpaid account is overdue, then the headline is what it owes, late by days counted from the answer', () => {
    const view = homeView(
      postpaid({
        due: { status: 'ok', due: aHomeDue() },
        latestBill: { status: 'ok', bill: aBill() },
      }),
    )
    expect(view.headline).toMatchObject({ kind: 'owed', lateness: { overdue: true, days: 26 } })
    expect(view.cards.map((card) => card.kind)).toEqual(['bill'])
  })

  test('when a prepaid account owes as well, then the debt leads and the balance is a card under it', () => {
    const view = homeView(aHomePage({ due: { status: 'ok', due: aHomeDue() } }))
    expect(view.headline.kind).toBe('owed')
    expect(view.cards.map((card) => card.kind)).toEqual(['balance'])
  })

  test('when billing is down for a postpaid account, then the headline and the bill say so, each to be retried', () => {
    const view = homeView(postpaid({ due: billingDown, latestBill: billingDown }))
    expect(view.headline).toEqual({
      kind: 'unavailable',
      section: 'due',
      message: '账单信息暂时无法获取',
    })
    expect(view.cards).toEqual([
      {
        kind: 'unavailable',
        section: 'latestBill',
        title: '最新账单',
        message: '账单信息暂时无法获取',
      },
    ])
  })

  test('when the meter cannot be read for a prepaid account, then the headline says so even though billing answered', () => {
    const view = homeView(
      aHomePage({
        balance: { status: 'unavailable', message: '气表余额暂时无法获取', retryable: true },
      }),
    )
    expect(view.headline).toMatchObject({ kind: 'unavailable', section: 'balance' })
  })

  test('when a section that does not concern the account fails, then no card tells of it', () => {
    const meterDown = {
      status: 'unavailable',
      message: '气表余额暂时无法获取',
      retryable: true,
    } as const
    const page = postpaid({
      balance: meterDown,
      heating: { status: 'unavailable', message: '供暖信息暂时无法获取', retryable: true },
    })
    expect(homeView(page).headline).toEqual({ kind: 'clear' })
    expect(kinds(page)).toEqual([])
    // Without the account section the kind is unknown: then every failure is shown.
    const unknown = homeView({ ...page, sections: { ...page.sections, account: billingDown } })
    expect(unknown.headline).toMatchObject({ kind: 'unavailable', section: 'balance' })
    const shown = unknown.cards.map((c) => (c.kind === 'unavailable' ? c.section : c.kind))
    expect(shown).toEqual(['account', 'heating'])
  })

  test('when the account is unknown to the home answer, then the bound-account list decides its kind', () => {
    const page = postpaid({ account: billingDown, balance: { status: 'ok', balance: null } })
    expect(homeView(page, 'postpaid_gas').kind).toBe('postpaid_gas')
    expect(homeView(page, 'postpaid_gas').cards.map((card) => card.kind)).toEqual(['unavailable'])
  })

  test('when notices, a top-up and a repair are there, then live notices come first and ended ones are left out', () => {
    const page = aHomePage({
      supplyStops: { status: 'ok', notices: [notice('ended'), notice('upcoming')] },
      lastTopUp: { status: 'ok', order: anOrder() },
      openRepair: {
        status: 'ok',
        repair: {
          repairId: 'WO1',
          title: '灶具打不着火',
          statusLabel: '已派单',
          etaAt: '2026-11-26T14:00:00+08:00',
          updatedAt: '2026-11-26T09:40:00+08:00',
        },
      },
    })
    const view = homeView(page)
    expect(view.cards.map((card) => card.kind)).toEqual(['supplyStop', 'topUp', 'repair'])
    expect(view.cards[0]).toMatchObject({ notice: { noticeId: 'N-upcoming' } })
  })

  test('when the account is suspended, then a warning comes before every other card', () => {
    const page = aHomePage({ lastTopUp: { status: 'ok', order: anOrder() } })
    const { account } = page.sections
    if (account.status === 'ok') account.account = { ...account.account, status: 'suspended' }
    expect(kinds(page)).toEqual(['suspended', 'topUp'])
  })
})

describe('lateness and heating in words', () => {
  test('when a bill is not yet due, then the page says by which day to pay', () => {
    const due = aHomeDue({ overdue: false, oldestDueAt: '2026-12-15T23:59:59+08:00' })
    const lateness = latenessOf(due, '2026-11-26T10:00:00+08:00')
    expect(lateness).toEqual({ overdue: false, payBy: '2026-12-15' })
    expect(latenessText(lateness)).toBe('请在 12月15日 前缴清')
  })

  test('when the due time is late at night in Beijing, then the day counted is Beijing’s', () => {
    // 01:00 on 1 November in Beijing, still 31 October in UTC.
    expect(latenessOf(aHomeDue(), '2026-10-31T17:00:00Z')).toEqual({ overdue: true, days: 1 })
  })

  test('when heating is stopped, running or ahead, then its state says so', () => {
    const heating = {
      seasonStartsOn: '2026-11-15',
      seasonEndsOn: '2027-03-15',
      inSeason: false,
      heatedThisSeason: true,
      seasonFeeFen: 216832,
    }
    expect(heatingState(heating, '2026-11-01T10:00:00+08:00')).toBe('还没有开始供暖')
    expect(heatingState({ ...heating, inSeason: true }, '2026-11-26T10:00:00+08:00')).toBe(
      '正在供暖',
    )
    expect(heatingState({ ...heating, heatedThisSeason: false }, '2026-11-26T10:00:00+08:00')).toBe(
      '本季已申请停暖',
    )
  })
})
