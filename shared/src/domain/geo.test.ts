import { wgs84ToGcj02 } from './geo'

// Offsets in metres along each axis, near the given latitude.
function shiftMetres(from: { lat: number; lng: number }, to: { lat: number; lng: number }) {
  const mPerDegLat = 111_320
  const mPerDegLng = mPerDegLat * Math.cos((from.lat * Math.PI) / 180)
  return { north: (to.lat - from.lat) * mPerDegLat, east: (to.lng - from.lng) * mPerDegLng }
}

test('when a GPS point in Beijing is converted, then it matches the published GCJ-02 value', () => {
  // 天安门 as widely cited: WGS-84 (39.908692, 116.397477) → GCJ-02 (39.910093, 116.403722).
  const gcj = wgs84ToGcj02({ lat: 39.908692, lng: 116.397477 })
  expect(gcj.lat).toBeCloseTo(39.910093, 4)
  expect(gcj.lng).toBeCloseTo(116.403722, 4)
})

test('when a GPS point in 石家庄 is converted, then it moves a few hundred metres north-east', () => {
  const wgs = { lat: 38.0612, lng: 114.5259 }
  const shift = shiftMetres(wgs, wgs84ToGcj02(wgs))
  expect(shift.north).toBeGreaterThan(50)
  expect(shift.east).toBeGreaterThan(300)
  expect(Math.hypot(shift.north, shift.east)).toBeLessThan(1000)
})

test('when a point lies outside mainland China, then it is left unchanged', () => {
  const paris = { lat: 48.8584, lng: 2.2945 }
  expect(wgs84ToGcj02(paris)).toEqual(paris)
})
