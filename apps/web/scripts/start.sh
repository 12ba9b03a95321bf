#!/bin/sh
# `pnpm start`. On PostgreSQL the server's heap is capped (128 MB, young generation 2 MB a half): uncapped, Node
# sizes both from the machine's memory and a 100,000-row CSV export reached 637 MB (docs/benchmarks.md). The
# embedded default keeps PGlite's whole database in this process's heap, so it is left to V8's own sizing.
# NODE_OPTIONS given by the caller wins.
if [ -n "${DATABASE_URL:-}" ] && [ -z "${NODE_OPTIONS:-}" ]; then
  export NODE_OPTIONS="--max-old-space-size=128 --max-semi-space-size=2"
fi
# Node keeps the code it compiled beside the build: every start after the first skips compiling ~0.6 s of it.
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-.next/cache/node-compile}"
exec next start --experimental-next-config-strip-types --port "${PORT:-3000}"
