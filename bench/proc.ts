// CPU time and load read from /proc (Linux): what a process set used, however busy the rest of
// the machine is. Postgres runs on this machine, so its backends are processes we can read too.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

// Clock ticks per second of utime/stime in /proc/<pid>/stat (100 on every common Linux).
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system, all threads) a process has used so far, in ms; NaN once it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The fields after the command name (which may hold spaces and parentheses):
    // state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ...
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** A process and all its descendants (children of any of its threads), now. */
export function processTree(root: number): number[] {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pids[i]}/task`);
    } catch {
      continue; // exited
    }
    for (const tid of tasks) {
      try {
        const kids = readFileSync(`/proc/${pids[i]}/task/${tid}/children`, "utf8").trim();
        if (kids) pids.push(...kids.split(/\s+/).map(Number));
      } catch {
        // the thread exited
      }
    }
  }
  return pids;
}

/** The 1-minute load average. */
export function loadAverage1(): number {
  return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
}

/**
 * The CPU time a changing set of processes used over a window. Processes that come and go
 * (Postgres backends of a pool that reconnects, workers) are caught by sampling often: one
 * present at the start counts from its value then, one that appears later counts from zero
 * (it was born in the window), one that exits counts up to its last sample.
 */
export class CpuMeter {
  private base = new Map<number, number>();
  private last = new Map<number, number>();

  constructor(
    private readonly listPids: () => number[] | Promise<number[]>,
    private readonly cpuMsOf: (pid: number) => number = processCpuMs,
  ) {}

  async start(): Promise<void> {
    this.base.clear();
    this.last.clear();
    for (const pid of await this.listPids()) {
      const ms = this.cpuMsOf(pid);
      if (Number.isFinite(ms)) {
        this.base.set(pid, ms);
        this.last.set(pid, ms);
      }
    }
  }

  async sample(): Promise<void> {
    // Only the listed ones: a pid that left the set (and may be reused) keeps its last sample.
    for (const pid of await this.listPids()) {
      const ms = this.cpuMsOf(pid);
      if (!Number.isFinite(ms)) continue;
      if (!this.base.has(pid)) this.base.set(pid, 0);
      this.last.set(pid, ms);
    }
  }

  /** Samples once more; the window's CPU time in ms and how many processes took part. */
  async stop(): Promise<{ cpuMs: number; processes: number }> {
    await this.sample();
    let cpuMs = 0;
    for (const [pid, ms] of this.last) cpuMs += ms - (this.base.get(pid) ?? ms);
    return { cpuMs, processes: this.last.size };
  }
}
