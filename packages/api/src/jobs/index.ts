export { type EnqueueOptions, enqueueJob } from "./enqueue-job";
export { createJobQueueClient, type JobQueueClient } from "./job-queue-client";
export {
  DEFAULT_JOB_QUEUE_SETTINGS,
  JOB_QUEUE_SCHEMA,
  type JobQueueSettings,
  jobQueueName,
  MIN_HEARTBEAT_SECONDS,
  SCHEDULE_CHECK_QUEUE,
} from "./job-queue-settings";
export {
  recordJobFinished,
  recordJobProgress,
  recordJobStarted,
  recordJobWaitingForRetry,
  trimLog,
} from "./job-records";
export {
  IMPORT_SOURCES,
  JOB_KINDS,
  type JobKind,
  type JobMessage,
  type JobRequest,
  type JobRequester,
  type JobRequestInput,
  parseJobMessage,
  parseJobRequest,
} from "./job-request";
export { type JobQueueRole, openJobQueue } from "./open-job-queue";
