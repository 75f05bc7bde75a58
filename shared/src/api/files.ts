import { z } from 'zod'

/**
 * Files travel outside JSON: an upload is one part of a `multipart/form-data` body, a download is
 * the file's bytes. These schemas describe both ends for the route specs and the OpenAPI document.
 */

/** One uploaded file. Its declared name and type are not believed: the BFF reads the bytes. */
export const UploadedFile = z.file()

/**
 * What a download route's handler answers; on the wire it is the file's bytes with their
 * `Content-Type`, or a 302 to a short-lived address of the file (signed object-storage URL).
 */
export const FileReply = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bytes'),
    contentType: z.string(),
    bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
  }),
  z.object({ kind: z.literal('redirect'), location: z.url() }),
])
export type FileReply = z.infer<typeof FileReply>
