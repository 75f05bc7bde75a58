// heic-decode ships no types; this is the part of its API the BFF uses.
declare module 'heic-decode' {
  function decode(input: { buffer: Uint8Array }): Promise<decode.DecodedImage>

  namespace decode {
    interface DecodedImage {
      width: number
      height: number
      /** RGBA, four bytes a pixel, rows top to bottom. */
      data: Uint8ClampedArray
    }

    /** An image of the file, its size read from the container before any pixel is decoded. */
    interface LazyImage {
      width: number
      height: number
      decode(): Promise<DecodedImage>
    }

    interface LazyImages extends Array<LazyImage> {
      /** Frees the decoder's memory; call once done with every image. */
      dispose(): void
    }

    /** Every image of the file, none decoded yet. */
    function all(input: { buffer: Uint8Array }): Promise<LazyImages>
  }

  export = decode
}
