/**
 * One promise per key while it runs: callers asking for a key already being fetched in this
 * process join that fetch instead of starting their own. Joined callers share the result
 * object, so nobody may mutate what they get.
 */
export class SingleFlight {
  private readonly flights = new Map<string, Promise<unknown>>()

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.flights.get(key)
    if (running) return running as Promise<T>
    const flight = work().finally(() => {
      if (this.flights.get(key) === flight) this.flights.delete(key)
    })
    this.flights.set(key, flight)
    return flight
  }

  /** Later callers of keys starting with `prefix` start afresh; running fetches finish alone. */
  forget(prefix: string): void {
    for (const key of this.flights.keys()) if (key.startsWith(prefix)) this.flights.delete(key)
  }
}
