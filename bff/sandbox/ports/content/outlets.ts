/**
 * Service halls and IC-card write points of the territory. Coordinates are real places in
 * 石家庄 near the named streets and villages; names and phone numbers are made up.
 */

export type OutletService = 'payment' | 'card_write' | 'business' | 'ignition_booking'

export interface OutletRecord {
  readonly outletId: string
  readonly kind: 'service_hall' | 'card_write_point'
  readonly name: string
  readonly district: string
  readonly address: string
  readonly lat: number
  readonly lng: number
  readonly phone: string | null
  readonly openingHours: string
  readonly services: readonly OutletService[]
}

const hallHours = '周一至周六 08:30-17:30，法定节假日另行通知'
const hallServices: readonly OutletService[] = [
  'payment',
  'card_write',
  'business',
  'ignition_booking',
]

const hall = (
  outletId: string,
  district: string,
  address: string,
  lat: number,
  lng: number,
  phone: string,
): OutletRecord => ({
  outletId,
  kind: 'service_hall',
  name: `${district}燃气热力营业厅`,
  district,
  address,
  lat,
  lng,
  phone,
  openingHours: hallHours,
  services: hallServices,
})

const writePoint = (
  outletId: string,
  name: string,
  district: string,
  address: string,
  lat: number,
  lng: number,
  openingHours: string,
): OutletRecord => ({
  outletId,
  kind: 'card_write_point',
  name,
  district,
  address,
  lat,
  lng,
  phone: null,
  openingHours,
  services: ['payment', 'card_write'],
})

const selfService = '24小时自助'
const shopHours = '每天 08:00-20:00'
const villageHours = '每天 08:00-11:30，14:30-18:00'

export const outlets: readonly OutletRecord[] = [
  hall(
    'SH101',
    '长安区',
    '河北省石家庄市长安区建设北大街128号',
    38.0612,
    114.5259,
    '0311-86900101',
  ),
  hall(
    'SH102',
    '桥西区',
    '河北省石家庄市桥西区维明南大街105号',
    38.0302,
    114.4797,
    '0311-86900102',
  ),
  hall('SH103', '新华区', '河北省石家庄市新华区民族路81号', 38.0541, 114.4761, '0311-86900103'),
  hall('SH104', '裕华区', '河北省石家庄市裕华区槐安东路150号', 38.0251, 114.5452, '0311-86900104'),
  hall('SH105', '藁城区', '河北省石家庄市藁城区廉州路22号', 38.0243, 114.8462, '0311-86900105'),
  hall('SH106', '鹿泉区', '河北省石家庄市鹿泉区向阳大街75号', 38.0861, 114.3152, '0311-86900106'),
  hall('SH107', '栾城区', '河北省石家庄市栾城区裕翔街29号', 37.9011, 114.6483, '0311-86900107'),
  writePoint(
    'WP201',
    '翠屏花园自助写卡机',
    '长安区',
    '翠屏花园南门物业服务中心',
    38.0689,
    114.5301,
    selfService,
  ),
  writePoint(
    'WP202',
    '谈固东苑便民超市代办点',
    '长安区',
    '谈固东街21号谈固东苑底商',
    38.0533,
    114.5562,
    shopHours,
  ),
  writePoint(
    'WP203',
    '联盟小区自助写卡机',
    '桥西区',
    '联盟路17号联盟小区物业',
    38.0452,
    114.4651,
    selfService,
  ),
  writePoint(
    'WP204',
    '红旗新城便民服务站',
    '桥西区',
    '红旗大街316号红旗新城东门',
    38.0046,
    114.4846,
    shopHours,
  ),
  writePoint(
    'WP205',
    '北焦小区自助写卡机',
    '新华区',
    '北二环西路36号北焦小区',
    38.0712,
    114.4602,
    selfService,
  ),
  writePoint(
    'WP206',
    '体育花园便民超市代办点',
    '裕华区',
    '体育南大街280号体育花园底商',
    38.0152,
    114.5251,
    shopHours,
  ),
  writePoint(
    'WP207',
    '东岗家属院自助写卡机',
    '裕华区',
    '东岗路9号东岗家属院',
    38.0283,
    114.5601,
    selfService,
  ),
  writePoint(
    'WP208',
    '东里村村委会代办点',
    '藁城区',
    '岗上镇东里村村委会',
    38.0452,
    114.8101,
    villageHours,
  ),
  writePoint(
    'WP209',
    '南董村燃气服务站',
    '藁城区',
    '廉州镇南董村村北',
    37.9903,
    114.8702,
    villageHours,
  ),
  writePoint(
    'WP210',
    '上庄镇便民服务中心',
    '鹿泉区',
    '上庄镇政府东侧便民服务中心',
    38.1151,
    114.2903,
    villageHours,
  ),
  writePoint(
    'WP211',
    '石井村燃气服务站',
    '鹿泉区',
    '铜冶镇石井村村委会',
    38.0502,
    114.2601,
    villageHours,
  ),
  writePoint(
    'WP212',
    '窦妪镇燃气服务站',
    '栾城区',
    '窦妪镇北庄村村口',
    37.8852,
    114.6001,
    villageHours,
  ),
]

export function isCardWritePoint(outletId: string): boolean {
  return outlets.some((o) => o.outletId === outletId && o.services.includes('card_write'))
}

const EARTH_RADIUS_M = 6_371_009

/** Great-circle distance in whole metres. */
export function distanceM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLng = (lng2 - lng1) * rad
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a))))
}
