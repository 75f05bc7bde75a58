import type { Address } from '../../contracts/customers'
import { Weighted, type Random } from '../random'

/**
 * The service territory: a northern city with both gas and district heating (石家庄). District
 * names and division codes are real; 小区 and house numbers are made up.
 */
export const PROVINCE = '河北省'
export const CITY = '石家庄市'

export interface Community {
  readonly name: string
  /** Street and gate number of the 小区. */
  readonly street: string
  /** Older 小区 are walk-ups of six floors. */
  readonly floors: number
}

export interface Village {
  readonly township: string
  readonly name: string
}

export interface District {
  readonly name: string
  readonly code: string
  readonly communities: readonly Community[]
  readonly villages: readonly Village[]
}

const c = (name: string, street: string, floors: number): Community => ({ name, street, floors })
const v = (township: string, name: string): Village => ({ township, name })

export const districts: readonly District[] = [
  {
    name: '长安区',
    code: '130102',
    communities: [
      c('翠屏花园', '建设北大街136号', 18),
      c('建华小区', '建华北大街52号', 6),
      c('谈固东苑', '谈固东街21号', 11),
      c('光华家园', '光华路88号', 26),
      c('和平世家', '和平东路205号', 18),
    ],
    villages: [],
  },
  {
    name: '桥西区',
    code: '130104',
    communities: [
      c('维明花园', '维明南大街99号', 11),
      c('联盟小区', '联盟路17号', 6),
      c('红旗新城', '红旗大街316号', 24),
      c('槐安佳苑', '槐安西路67号', 18),
      c('西里小区', '新石中路40号', 6),
    ],
    villages: [],
  },
  {
    name: '新华区',
    code: '130105',
    communities: [
      c('民族花园', '民族路77号', 11),
      c('泰华名邸', '泰华街158号', 26),
      c('友谊新村', '友谊北大街12号', 6),
      c('北焦小区', '北二环西路36号', 6),
    ],
    villages: [],
  },
  {
    name: '裕华区',
    code: '130108',
    communities: [
      c('塔坛嘉园', '塔南路121号', 26),
      c('东岗家属院', '东岗路9号', 6),
      c('体育花园', '体育南大街280号', 18),
      c('翟营新居', '翟营南大街63号', 24),
      c('裕华名苑', '槐安东路146号', 18),
    ],
    villages: [],
  },
  {
    name: '藁城区',
    code: '130109',
    communities: [c('廉州花园', '廉州路18号', 11)],
    villages: [v('岗上镇', '东里村'), v('岗上镇', '西关村'), v('廉州镇', '南董村')],
  },
  {
    name: '鹿泉区',
    code: '130110',
    communities: [c('向阳家园', '向阳大街71号', 18)],
    villages: [v('上庄镇', '北营村'), v('上庄镇', '东焦村'), v('铜冶镇', '石井村')],
  },
  {
    name: '栾城区',
    code: '130111',
    communities: [c('裕翔佳苑', '裕翔街25号', 11)],
    villages: [v('窦妪镇', '南高村'), v('窦妪镇', '北庄村')],
  },
]

// Suburban districts weigh more than their few 小区 suggest: their villages hold many homes.
const districtTable = new Weighted(
  districts,
  districts.map((d) => (d.villages.length > 0 ? 8 : d.communities.length * 3)),
)

export interface Place {
  readonly address: Address
  readonly areaCode: string
  readonly district: District
  readonly rural: boolean
}

function zone(index: number): string {
  return String(index + 1).padStart(2, '0')
}

export function urbanPlace(
  district: District,
  communityIndex: number,
  building: number,
  unit: number,
  room: string,
): Place {
  const community = district.communities[communityIndex]
  if (!community) throw new Error(`no community ${communityIndex} in ${district.name}`)
  const b = `${building}号楼`
  const u = `${unit}单元`
  const full = `${PROVINCE}${CITY}${district.name}${community.street}${community.name}${b}${u}${room}室`
  return {
    address: {
      province: PROVINCE,
      city: CITY,
      district: district.name,
      street: community.street,
      community: community.name,
      building: b,
      unit: u,
      room,
      full,
    },
    areaCode: district.code + zone(communityIndex % 3),
    district,
    rural: false,
  }
}

export function ruralPlace(district: District, villageIndex: number, houseNo: number): Place {
  const village = district.villages[villageIndex]
  if (!village) throw new Error(`no village ${villageIndex} in ${district.name}`)
  const room = `${houseNo}号`
  return {
    address: {
      province: PROVINCE,
      city: CITY,
      district: district.name,
      street: village.township,
      community: village.name,
      building: null,
      unit: null,
      room,
      full: `${PROVINCE}${CITY}${district.name}${village.township}${village.name}${room}`,
    },
    // Villages get their own zones (04…) so rural dispatch can be measured apart.
    areaCode: district.code + zone(3 + (villageIndex % 3)),
    district,
    rural: true,
  }
}

/** A random dwelling: mostly city flats, about one in six in a village. */
export function randomPlace(random: Random): Place {
  const district = districtTable.pick(random)
  if (district.villages.length > 0 && random.chance(0.6)) {
    return ruralPlace(district, random.int(0, district.villages.length - 1), random.int(1, 320))
  }
  const communityIndex = random.int(0, district.communities.length - 1)
  const community = district.communities[communityIndex] as Community
  const floor = random.int(1, community.floors)
  const room = `${floor}0${random.int(1, community.floors > 6 ? 4 : 2)}`
  return urbanPlace(district, communityIndex, random.int(1, 28), random.int(1, 4), room)
}
