import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { readProfile, type SelfTimeFrame, topSelfTime } from "./cpu-profile";
import type { Ack, Endpoint } from "./endpoints";
import { freePort } from "./free-port";
import { drive } from "./load";
import { waitForHealth } from "./processes";
import { startServer } from "./servers";

export interface EndpointProfile {
  endpoint: string;
  requests: number;
  top: SelfTimeFrame[];
}

/**
 * A CPU profile of the lean server under one endpoint's load: a server of its own started with
 * `--cpu-prof`, warmed on /health, driven at 16 connections, stopped (the profile is written on exit).
 */
export async function profileEndpoint(options: {
  endpoint: Endpoint;
  health: Endpoint;
  requests: number;
  env: Record<string, string>;
  directory: string;
  acks: Ack[];
}): Promise<EndpointProfile> {
  const directory = join(options.directory, options.endpoint.key);
  await mkdir(directory, { recursive: true });
  const port = await freePort();
  const server = startServer("lean", port, options.env, ["--cpu-prof", `--cpu-prof-dir=${directory}`]);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, performance.now(), 120_000, server);
    await drive({ name: "lean", url }, options.health, 16, 2_000, []);
    const amount = Math.min(options.requests, options.endpoint.pool?.remaining ?? options.requests);
    const result = await drive({ name: "lean", url }, options.endpoint, 16, amount, options.acks);
    await server.stop();
    return {
      endpoint: options.endpoint.label,
      requests: result.requests,
      top: topSelfTime(await readProfile(directory)),
    };
  } finally {
    await server.stop();
  }
}
