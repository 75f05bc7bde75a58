import type {
  AccountKind,
  AccountStatus,
  CareTag,
  CustomerAccount,
} from '../../contracts/customers'
import { toShanghaiIso, shanghaiMs } from '../clock'
import { idNumber } from './id-number'
import { districts, ruralPlace, urbanPlace, type Place } from './places'

/**
 * Fixed accounts that tests, demos and people rely on. They do not depend on the seed: their
 * numbers and binding proofs (holder name + last 4 of the phone) are stable and memorable.
 */
export interface Persona {
  readonly account: CustomerAccount
  /** Chinese, for the developer account list. */
  readonly description: string
}

interface PersonaSpec {
  n: number
  /** The same person holding several accounts keeps one identity number. */
  person?: number
  kind: AccountKind
  status?: AccountStatus
  name: string
  sex: 'male' | 'female'
  birth: string
  place: Place
  opened: [number, number, number]
  careTags?: CareTag[]
  description: string
}

function district(name: string): (typeof districts)[number] {
  const found = districts.find((d) => d.name === name)
  if (!found) throw new Error(`unknown district ${name}`)
  return found
}

const meterPrefix: Record<AccountKind, string | null> = {
  iot_prepaid: 'NB21',
  ic_prepaid: 'IC33',
  postpaid_gas: 'JL47',
  heating: null,
}

function idSequence(spec: PersonaSpec): number {
  return 100 + (spec.person ?? spec.n) * 2 + (spec.sex === 'male' ? 1 : 0)
}

function persona(spec: PersonaSpec): Persona {
  const suffix = String(spec.n).padStart(2, '0')
  const prefix = meterPrefix[spec.kind]
  const [y, m, d] = spec.opened
  return {
    description: spec.description,
    account: {
      accountNo: `10000000${suffix}`,
      kind: spec.kind,
      status: spec.status ?? 'active',
      holderName: spec.name,
      phone: `138031100${suffix}`,
      idNumber: idNumber(spec.place.district.code, spec.birth, idSequence(spec)),
      address: spec.place.address,
      areaCode: spec.place.areaCode,
      meterNo: prefix ? `${prefix}990000${suffix}` : null,
      openedAt: toShanghaiIso(shanghaiMs(y, m, d, 10, 30)),
      careTags: spec.careTags ?? [],
    },
  }
}

const parentsHome = urbanPlace(district('裕华区'), 1, 4, 2, '301')

export const personas: readonly Persona[] = [
  persona({
    n: 1,
    kind: 'iot_prepaid',
    name: '王建国',
    sex: 'male',
    birth: '19680312',
    place: urbanPlace(district('长安区'), 0, 3, 2, '1202'),
    opened: [2015, 4, 18],
    description: '物联网表预付费：充值后远程下发到表，可看到“已支付→已到表”两步',
  }),
  persona({
    n: 2,
    kind: 'ic_prepaid',
    name: '李秀英',
    sex: 'female',
    birth: '19720905',
    place: urbanPlace(district('桥西区'), 1, 5, 1, '302'),
    opened: [2009, 11, 2],
    description: 'IC卡表预付费：充值后需插卡写卡才能用气',
  }),
  persona({
    n: 3,
    kind: 'postpaid_gas',
    name: '张伟',
    sex: 'male',
    birth: '19850620',
    place: urbanPlace(district('裕华区'), 2, 12, 3, '801'),
    opened: [2018, 6, 9],
    description: '后付费燃气：每月出账单，按阶梯气价计费',
  }),
  persona({
    n: 4,
    kind: 'heating',
    name: '刘洋',
    sex: 'male',
    birth: '19900114',
    place: urbanPlace(district('新华区'), 1, 8, 2, '1601'),
    opened: [2020, 9, 25],
    description: '集中供热：按建筑面积收取采暖费，可申请停暖',
  }),
  persona({
    n: 5,
    kind: 'postpaid_gas',
    status: 'arrears',
    name: '陈静',
    sex: 'female',
    birth: '19791130',
    place: urbanPlace(district('长安区'), 1, 2, 1, '401'),
    opened: [2006, 3, 14],
    description: '欠费户：有逾期未缴的燃气账单',
  }),
  persona({
    n: 6,
    kind: 'iot_prepaid',
    status: 'suspended',
    name: '赵磊',
    sex: 'male',
    birth: '19820227',
    place: urbanPlace(district('桥西区'), 4, 6, 2, '202'),
    opened: [2012, 7, 30],
    description: '停用户：安检不合格已停气，不能充值',
  }),
  persona({
    n: 7,
    kind: 'iot_prepaid',
    name: '孙桂兰',
    sex: 'female',
    birth: '19410808',
    place: urbanPlace(district('新华区'), 2, 1, 1, '102'),
    opened: [2001, 5, 16],
    careTags: ['elderly', 'living_alone'],
    description: '独居老人：长辈模式、代办缴费、一键呼叫',
  }),
  persona({
    n: 8,
    kind: 'iot_prepaid',
    name: '周德福',
    sex: 'male',
    birth: '19470315',
    place: parentsHome,
    opened: [2003, 10, 8],
    careTags: ['elderly'],
    description: '亲情账户·父母家燃气：儿子周明住在别处，替父母充值',
  }),
  persona({
    n: 9,
    person: 8,
    kind: 'heating',
    name: '周德福',
    sex: 'male',
    birth: '19470315',
    place: parentsHome,
    opened: [2003, 10, 8],
    careTags: ['elderly'],
    description: '亲情账户·父母家供暖：与1000000008同一住址',
  }),
  persona({
    n: 10,
    kind: 'postpaid_gas',
    name: '周明',
    sex: 'male',
    birth: '19780422',
    place: urbanPlace(district('长安区'), 3, 15, 1, '2203'),
    opened: [2016, 12, 1],
    description: '亲情账户·付款人自己的户号：与父母不同住，一个微信绑定三个户号',
  }),
  persona({
    n: 11,
    kind: 'ic_prepaid',
    name: '马玉山',
    sex: 'male',
    birth: '19600918',
    place: ruralPlace(district('藁城区'), 0, 58),
    opened: [2017, 10, 20],
    description: '农村“煤改气”用户：IC卡表，报修需上门',
  }),
  persona({
    n: 12,
    kind: 'heating',
    name: '吴婷',
    sex: 'female',
    birth: '19880706',
    place: urbanPlace(district('长安区'), 2, 9, 1, '1503'),
    opened: [2019, 8, 12],
    description: '热计量供暖：户内装热量表，按基本热价＋计量热价（元/吉焦）收费',
  }),
]
