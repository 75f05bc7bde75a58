import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Outlet } from '@gh/shared'
import { listOutlets } from '../api'
import { OutletSection } from './outlet-section'

jest.mock('../api', () => ({ listOutlets: jest.fn() }))
const mockedList = jest.mocked(listOutlets)

const outlet = (id: string, district: string, distanceM: number | null): Outlet => ({
  outletId: id,
  kind: 'card_write_point',
  name: `${district}写卡点${id}`,
  district,
  address: `${district}某路${id}号`,
  lat: 38.06,
  lng: 114.52,
  phone: null,
  openingHours: '24小时自助',
  services: ['payment', 'card_write'],
  distanceM,
})

afterEach(() => jest.restoreAllMocks())

test('when no location is allowed, then outlets are grouped under their district without distances', async () => {
  mockedList.mockResolvedValue({
    sortedBy: 'district',
    outlets: [
      outlet('1', '长安区', null),
      outlet('2', '长安区', null),
      outlet('3', '桥西区', null),
    ],
  })
  render(<OutletSection initialCardWrite />)

  expect(await screen.findByText('桥西区')).toBeTruthy()
  expect(screen.getAllByText('长安区')).toHaveLength(1)
  expect(screen.queryByText(/米$/)).toBeNull()
  expect(mockedList).toHaveBeenLastCalledWith({ service: 'card_write', near: undefined })
})

test('when the resident shares the location, then the list is asked nearest first and shows distances', async () => {
  mockedList.mockResolvedValue({
    sortedBy: 'distance',
    outlets: [outlet('1', '长安区', 80), outlet('2', '桥西区', 2300)],
  })
  jest.spyOn(Taro, 'getLocation').mockResolvedValue({
    latitude: 38.0612,
    longitude: 114.5259,
  } as Taro.getLocation.SuccessCallbackResult)
  render(<OutletSection initialCardWrite={false} />)

  fireEvent.click(screen.getByRole('button', { name: '找离我最近的网点' }))

  expect(await screen.findByText('80米')).toBeTruthy()
  expect(screen.getByText('2.3公里')).toBeTruthy()
  expect(screen.getByText('已按离您最近排序，距离为直线距离。')).toBeTruthy()
  await waitFor(() =>
    expect(mockedList).toHaveBeenLastCalledWith({
      service: undefined,
      near: { lat: 38.0612, lng: 114.5259 },
    }),
  )
})

test('when the location is refused, then the resident is told and the list stays by district', async () => {
  mockedList.mockResolvedValue({ sortedBy: 'district', outlets: [outlet('1', '长安区', null)] })
  jest.spyOn(Taro, 'getLocation').mockRejectedValue({ errMsg: 'getLocation:fail auth deny' })
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  render(<OutletSection initialCardWrite={false} />)

  fireEvent.click(screen.getByRole('button', { name: '找离我最近的网点' }))

  expect(await screen.findByText(/没能获取您的位置/)).toBeTruthy()
  expect(await screen.findByText('长安区写卡点1')).toBeTruthy()
})

test('when "去这里" is tapped in a mini-program, then the map opens at the outlet in GCJ-02', async () => {
  mockedList.mockResolvedValue({ sortedBy: 'district', outlets: [outlet('1', '长安区', null)] })
  const open = jest.spyOn(Taro, 'openLocation').mockResolvedValue({ errMsg: 'openLocation:ok' })
  render(<OutletSection initialCardWrite={false} />)
  const button = await screen.findByRole('button', { name: '去这里（在地图上查看长安区写卡点1）' })

  // Rendered as H5 (for the roles), tapped as WeChat: only the mini-programs have a map.
  process.env.TARO_ENV = 'weapp'
  try {
    fireEvent.click(button)
  } finally {
    process.env.TARO_ENV = 'h5'
  }

  expect(open).toHaveBeenCalledWith(expect.objectContaining({ name: '长安区写卡点1', scale: 16 }))
  const { latitude, longitude } = open.mock.calls[0]?.[0] ?? { latitude: 0, longitude: 0 }
  expect(latitude).toBeGreaterThan(38.06)
  expect(longitude).toBeGreaterThan(114.52)
})

test('when "去这里" is tapped in the browser, then the address is shown in words', async () => {
  mockedList.mockResolvedValue({ sortedBy: 'district', outlets: [outlet('1', '长安区', null)] })
  const modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
  const open = jest.spyOn(Taro, 'openLocation')
  render(<OutletSection initialCardWrite={false} />)

  fireEvent.click(
    await screen.findByRole('button', { name: '去这里（在地图上查看长安区写卡点1）' }),
  )

  expect(modal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '长安区写卡点1', content: '长安区某路1号' }),
  )
  expect(open).not.toHaveBeenCalled()
})
