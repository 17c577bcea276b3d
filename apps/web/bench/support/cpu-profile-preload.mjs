// Preloaded into the server's processes (NODE_OPTIONS=--import …; Node 20 refuses --cpu-prof
// there). SIGUSR2 starts V8's CPU profiler; the next SIGUSR2 stops it and writes
// CPU_PROFILE_DIR/<pid>.cpuprofile, so a profile covers exactly the phase between the two.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";

const session = new Session();
session.connect();
let profiling = false;
process.on("SIGUSR2", () => {
  if (!profiling) {
    profiling = true;
    session.post("Profiler.enable", () => session.post("Profiler.start"));
    return;
  }
  profiling = false;
  session.post("Profiler.stop", (error, result) => {
    if (!error) writeFileSync(join(process.env.CPU_PROFILE_DIR, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
