import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** The part of a V8 `.cpuprofile` (Node's `--cpu-prof`) that self time is read from. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTimeFrame {
  frame: string;
  selfMs: number;
  share: number;
}

/**
 * The frames where a profile's time was spent themselves (not in what they called), heaviest first: each
 * sample's interval goes to the node it was taken in, frames of the same function and place added up.
 */
export function topSelfTime(profile: CpuProfile, count = 10): SelfTimeFrame[] {
  const frameOf = new Map(profile.nodes.map((node) => [node.id, describe(node.callFrame)] as const));
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const frame = frameOf.get(nodeId) ?? "(unknown)";
    selfUs.set(frame, (selfUs.get(frame) ?? 0) + delta);
    totalUs += delta;
  });
  return [...selfUs.entries()]
    .filter(([frame]) => frame !== "(idle)")
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([frame, us]) => ({ frame, selfMs: us / 1000, share: totalUs === 0 ? 0 : us / totalUs }));
}

function describe(callFrame: CpuProfile["nodes"][number]["callFrame"]): string {
  const name = callFrame.functionName || "(anonymous)";
  if (!callFrame.url) return name;
  // Bundled code and node_modules: the file after the last node_modules or the bundle's name, and the line.
  const file = callFrame.url.replace(/^file:\/\//, "").replace(/^.*node_modules\//, "");
  return `${name} ${file.split("/").slice(-2).join("/")}:${callFrame.lineNumber + 1}`;
}

/** Reads the one profile a process wrote into `directory` on exit. */
export async function readProfile(directory: string): Promise<CpuProfile> {
  const [file] = (await readdir(directory)).filter((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no .cpuprofile in ${directory}`);
  return JSON.parse(await readFile(join(directory, file), "utf8")) as CpuProfile;
}
