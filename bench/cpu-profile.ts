// A V8 CPU profile (.cpuprofile, from the inspector's Profiler domain) summed by where the code
// comes from: an npm package, Node itself, this project's code, or a native function (a system call's
// binding, the garbage collector). Self time only, as a share of the samples where the thread was busy.

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The package a script belongs to: `@scope/name` or `name` under node_modules, `node:…` for Node, `nguon` for the project. */
export function packageOf(functionName: string, url: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.startsWith('node:')) return 'node (core)';
  return 'nguon (project code)';
}

/** Self time by package, largest first, as shares of the busy time (idle left out). */
export function summariseProfile(profile: CpuProfile): { name: string; share: number }[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, packageOf(node.callFrame.functionName, node.callFrame.url)]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = byNode.get(id) ?? '(unknown)';
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  totals.delete('(idle)');
  const busy = [...totals.values()].reduce((a, b) => a + b, 0) || 1;
  return [...totals.entries()].map(([name, time]) => ({ name, share: time / busy })).sort((a, b) => b.share - a.share);
}
