import net from 'node:net'
import { findFreePort, isPortFree } from './ports'

function listen(port: number, host: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(port, host, () => resolve(server))
  })
}

describe('ports', () => {
  it('when a port is found, then it can be listened on', async () => {
    const port = await findFreePort()
    expect(port).toBeGreaterThan(0)
    const server = await listen(port, '127.0.0.1')
    server.close()
  })

  it('when something listens on the port, then it is not free', async () => {
    const port = await findFreePort()
    const server = await listen(port, '127.0.0.1')
    try {
      await expect(isPortFree(port)).resolves.toBe(false)
    } finally {
      server.close()
    }
  })

  it('when something listens on all interfaces, then the loopback port is not free', async () => {
    const port = await findFreePort()
    const server = await listen(port, '0.0.0.0')
    try {
      await expect(isPortFree(port, '127.0.0.1')).resolves.toBe(false)
    } finally {
      server.close()
    }
  })

  it('when the listener has closed, then the port is free again', async () => {
    const port = await findFreePort()
    const server = await listen(port, '127.0.0.1')
    await new Promise((resolve) => server.close(resolve))
    await expect(isPortFree(port)).resolves.toBe(true)
  })
})
