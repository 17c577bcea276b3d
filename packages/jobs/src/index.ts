export {
  createJobRunner,
  type EnqueueOptions,
  type JobHandler,
  type JobInfo,
  type JobRunner,
  type JobRunnerOptions,
  type QueueSettings,
  type Sweep,
} from "./runner";
export { cronEvery } from "./cron";
