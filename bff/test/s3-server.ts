import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'

export interface TestS3 {
  endpoint: string
  bucket: string
  /** The BFF's environment for this store; signing is off unless asked for. */
  env(signedUrlSeconds?: number): Record<string, string>
  close(): Promise<void>
}

/** An S3-protocol server (s3rver) on a free loopback port with one empty bucket. */
export async function startS3(bucket = 'repair-photos-test'): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  return {
    endpoint,
    bucket,
    env: (signedUrlSeconds = 0) => ({
      STORAGE_DRIVER: 's3',
      STORAGE_S3_ENDPOINT: endpoint,
      STORAGE_S3_REGION: 'us-east-1',
      STORAGE_S3_BUCKET: bucket,
      STORAGE_S3_FORCE_PATH_STYLE: 'true',
      // s3rver's fixed test credentials.
      STORAGE_S3_ACCESS_KEY_ID: 'S3RVER',
      STORAGE_S3_SECRET_ACCESS_KEY: 'S3RVER',
      STORAGE_S3_SIGNED_URL_SECONDS: String(signedUrlSeconds),
    }),
    async close() {
      server.httpServer?.closeAllConnections()
      await server.close()
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}
