import { Image } from '@tarojs/components'
import { useEffect, useState } from 'react'
import QRCode from 'qrcode'

/** H5: the share link as a QR code, for a family member standing next to the screen. */
export function LinkQr({ link }: { link: string }) {
  const [src, setSrc] = useState<string | undefined>()
  useEffect(() => {
    let live = true
    QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      (err: unknown) => console.warn('qr code failed', err),
    )
    return () => {
      live = false
    }
  }, [link])
  if (!src) return null
  return (
    <Image
      className="family-pay__qr"
      src={src}
      mode="aspectFit"
      // Taro's H5 Image passes nativeProps on to its inner <img>, which is what needs the alt.
      nativeProps={{ alt: '代缴链接二维码，家人用手机扫码即可打开' }}
    />
  )
}
