import { z } from "zod";

/** The importers a job can run: `npm run worker -- import <source>`. */
export const IMPORT_SOURCES = ["rees46", "images", "newchic", "catalog", "users", "events"] as const;

/** A flag's value as the worker's command line takes it: a string, or true for a boolean flag. */
const FlagValueSchema = z.union([z.string().max(4096), z.literal(true)]);

/** The model kind's spelling: the worker checks it against the model registry before training. */
const ModelKindSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, "is not a model kind's name");

/**
 * What a queued job does: one of the worker's commands with its settings, typed. `worker serve` runs it through the
 * same command the CLI runs (apps/worker/src/jobs/job-command-line.ts), so a job and the command it names behave the
 * same. Every field is checked here when the job is queued and again when a worker takes it.
 */
export const JobRequestSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("import"),
    source: z.enum(IMPORT_SOURCES),
    /** The importer's flags (`file`, `preset`, `dir`…), checked by its command when the job is queued and run. */
    flags: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, "is not a flag name"), FlagValueSchema).default({}),
  }),
  z.strictObject({
    kind: z.literal("featurize"),
    /** Recompute every product, not only new or changed ones. */
    force: z.boolean().default(false),
    batchSize: z.number().int().min(1).max(1024).optional(),
  }),
  z.strictObject({
    kind: z.literal("train"),
    /** The recommender kind (the worker's default when absent). */
    model: ModelKindSchema.optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    /** Publish the new version through the gates when training succeeds. */
    publish: z.boolean().default(false),
    evaluate: z.boolean().default(true),
    storedFeatures: z.boolean().default(true),
  }),
  z.strictObject({
    kind: z.literal("evaluate"),
    version: z.number().int().positive(),
  }),
  z.strictObject({
    kind: z.literal("publish"),
    version: z.number().int().positive(),
    force: z.boolean().default(false),
    maxDrop: z.number().min(0).max(1).optional(),
  }),
]);

export type JobRequest = z.output<typeof JobRequestSchema>;
export type JobRequestInput = z.input<typeof JobRequestSchema>;
export type JobKind = JobRequest["kind"];

/** Every job kind, each with a queue of its own. */
export const JOB_KINDS = ["import", "featurize", "train", "evaluate", "publish"] as const satisfies readonly JobKind[];

/** Who asked for a job, as the jobs panel shows it: a staff e-mail, `worker:<os user>@<host>` or `schedule`. */
export const JobRequesterSchema = z.strictObject({
  name: z.string().trim().min(1).max(320),
  role: z.enum(["admin", "operator", "schedule"]),
});
export type JobRequester = z.output<typeof JobRequesterSchema>;

/** What travels on the queue: the request and who made it. */
const JobMessageSchema = z.strictObject({ request: JobRequestSchema, requester: JobRequesterSchema });
export type JobMessage = z.output<typeof JobMessageSchema>;

/** A queued job's data, checked again by the worker that takes it (the queue's rows can be written by anyone). */
export function parseJobMessage(data: unknown): JobMessage {
  return parseWith(JobMessageSchema, data, "job message");
}

/** A payload that is not a job request, with every problem named (field path and message). */
export function parseJobRequest(payload: unknown): JobRequest {
  return parseWith(JobRequestSchema, payload, "job request");
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(payload)"} ${issue.message}`);
  throw new Error(`not a valid ${what}: ${problems.join("; ")}`);
}
