import fs from "node:fs";
import path from "node:path";
import type { Problem } from "../problem";
import { formatCsvRow } from "./format-csv-row";

/** Writes rejected rows to a CSV (line, column, message, raw); the file is created on the first reject only. */
export class RejectsWriter {
  private fd: number | undefined;
  constructor(readonly path: string) {}

  get written(): boolean {
    return this.fd !== undefined;
  }

  write(problems: Problem[], raw: string): void {
    if (this.fd === undefined) {
      fs.mkdirSync(path.dirname(this.path), { recursive: true });
      this.fd = fs.openSync(this.path, "w");
      fs.writeSync(this.fd, formatCsvRow(["file", "line", "column", "message", "raw"]));
    }
    for (const problem of problems) {
      fs.writeSync(this.fd, formatCsvRow([problem.file, String(problem.line), problem.column, problem.message, raw]));
    }
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
  }
}
