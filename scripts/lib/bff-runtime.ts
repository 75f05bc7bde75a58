/**
 * Node's options for the BFF wherever it serves: the image's ENTRYPOINT (deploy/Dockerfile, kept
 * equal by bff-runtime.test.ts), `npm start`, the e2e stacks and the benchmark's BFF process.
 *
 * A young generation of 64 MB semi-spaces: a read allocates a few kilobytes that die within the
 * request, and with V8's default the scavenger ran so often it was a fifth of a cached read's CPU.
 * `npm run bench -- reads` on the 2-core machine, default → 64 MB: GET /accounts/:no 94–128 →
 * 83–90 µs of BFF CPU per request; resident memory under that load 367 → 436 MB (the web pod's
 * memory limit in deploy/k8s/web.yaml allows for it).
 */
export const BFF_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64']
