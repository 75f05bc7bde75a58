import { localFile } from '../platform/local-files'
import { FILE_TIMEOUT_MS } from './transport'
import type { UploadTransport } from './upload'

/**
 * H5: the chosen file itself in a multipart form, by XMLHttpRequest for its progress events.
 * Taro's H5 uploadFile would first read the file back through its blob: URL, which the page's
 * content security policy refuses (and Taro then waits for ever).
 */
export const uploadTransport: UploadTransport = ({ url, filePath, field, headers, onProgress }) =>
  new Promise((resolve, reject) => {
    const file = localFile(filePath)
    if (!file) {
      reject(new Error('the chosen photo is no longer on this page'))
      return
    }
    const form = new FormData()
    form.append(field, file, 'photo.jpg')
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
    xhr.timeout = FILE_TIMEOUT_MS
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () =>
      resolve({
        statusCode: xhr.status,
        data: xhr.responseText,
        headers: { 'x-request-id': xhr.getResponseHeader('x-request-id') ?? undefined },
      })
    const interrupted = () => reject(new Error('upload interrupted'))
    xhr.onerror = interrupted
    xhr.ontimeout = interrupted
    xhr.onabort = interrupted
    xhr.send(form)
  })
