import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type Placement = "created" | "replaced" | "present";

/**
 * The files one import batch puts into the media folder, so that they can be undone when the batch's database
 * write fails or the import stops: `rollback()` deletes what the batch created and puts back what it replaced;
 * `commit()` (after the batch's transaction committed) lets go of the replaced versions.
 *
 * Each file is written under a temporary dot-name in its final folder and renamed into place, so a reader never sees
 * half a photo; a replaced file is first hard-linked (or copied) to a dot-name backup. The web app never serves
 * dot-names, so what a killed process leaves behind is never published.
 */
export class MediaBatch {
  private readonly created = new Set<string>();
  private readonly backups = new Map<string, string>();

  constructor(readonly mediaDir: string) {}

  /** Writes `bytes` to `<mediaDir>/<relativePath>` unless that file already holds exactly these bytes. */
  place(relativePath: string, bytes: Uint8Array): Placement {
    const target = path.join(this.mediaDir, relativePath);
    const existing = readIfPresent(target);
    if (existing?.equals(bytes)) return "present";
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (existing && !this.created.has(target) && !this.backups.has(target)) {
      const backup = siblingName(target, "replaced");
      try {
        fs.linkSync(target, backup);
      } catch {
        fs.copyFileSync(target, backup);
      }
      this.backups.set(target, backup);
    }
    const temporary = siblingName(target, "staging");
    try {
      fs.writeFileSync(temporary, bytes, { flag: "wx" });
      fs.renameSync(temporary, target);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw error;
    }
    if (existing === undefined) this.created.add(target);
    return existing === undefined ? "created" : "replaced";
  }

  /** How many files this batch wrote (created or replaced). */
  get written(): number {
    return this.created.size + this.backups.size;
  }

  /** The batch's rows are stored: replaced versions are no longer needed. */
  commit(): void {
    for (const backup of this.backups.values()) fs.rmSync(backup, { force: true });
    this.forget();
  }

  /**
   * The batch failed: deletes every file it created (except those `keep` names, e.g. files stored rows already
   * point at) and restores every file it replaced.
   */
  rollback(keep: (relativePath: string) => boolean = () => false): void {
    for (const target of this.created) {
      if (!keep(path.relative(this.mediaDir, target))) fs.rmSync(target, { force: true });
    }
    for (const [target, backup] of this.backups) fs.renameSync(backup, target);
    this.forget();
  }

  private forget(): void {
    this.created.clear();
    this.backups.clear();
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function siblingName(file: string, purpose: string): string {
  return path.join(path.dirname(file), `.${purpose}-${crypto.randomBytes(6).toString("hex")}-${path.basename(file)}`);
}
