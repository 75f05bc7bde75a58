import { formatDistance, formatTimeRange, speakDistance } from './format'

test('when a distance is under a kilometre, then it shows and reads in metres', () => {
  expect(formatDistance(0)).toBe('0米')
  expect(formatDistance(350)).toBe('350米')
  expect(speakDistance(350)).toBe('三百五十米')
})

test('when a distance is a kilometre or more, then it shows one decimal and reads it in words', () => {
  expect(formatDistance(1234)).toBe('1.2公里')
  expect(formatDistance(1250)).toBe('1.3公里')
  expect(formatDistance(12_000)).toBe('12.0公里')
  expect(speakDistance(1234)).toBe('一点二公里')
  expect(speakDistance(2000)).toBe('两公里')
  expect(speakDistance(2500)).toBe('二点五公里')
})

test('when a stop starts and ends on one day, then the date is written once', () => {
  expect(formatTimeRange('2026-11-28T09:00:00+08:00', '2026-11-28T17:30:00+08:00')).toBe(
    '11月28日 09:00 至 17:30',
  )
})

test('when a stop runs past midnight, then both dates are written', () => {
  expect(formatTimeRange('2026-11-28T20:00:00+08:00', '2026-11-29T08:00:00+08:00')).toBe(
    '11月28日 20:00 至 11月29日 08:00',
  )
})
