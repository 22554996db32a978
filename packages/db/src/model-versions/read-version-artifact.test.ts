import { describe, expect, it } from "vitest";
import { createTestDatabase, testPostgresServerUrl } from "../testing";
import { readVersionArtifact } from "./read-version-artifact";
import { saveCandidateVersion } from "./save-candidate-version";

const server = testPostgresServerUrl();

describe.each([
  { name: "sqlite", server: undefined },
  { name: "postgresql", server },
])("readVersionArtifact on $name", ({ name, server }) => {
  it.skipIf(name === "postgresql" && !server)(
    "reads an artifact in pieces, byte for byte, whatever the piece size; null without one",
    async () => {
      const test = await createTestDatabase({ postgresServerUrl: server });
      try {
        // Every byte value, in a pseudo-random order, across many pieces.
        const artifact = Uint8Array.from({ length: 300_001 }, (_, i) => (i * 131 + (i >> 8)) % 256);
        const saved = await saveCandidateVersion(test.db, {
          kind: "joint",
          params: {},
          metrics: {},
          dataSnapshot: {},
          artifact,
        });
        for (const pieceBytes of [1 << 16, 99_999, 300_001, 1 << 23]) {
          expect(await readVersionArtifact(test.sql, saved.id, pieceBytes)).toEqual(artifact);
        }
        const tiny = await saveCandidateVersion(test.db, {
          kind: "popularity",
          params: {},
          metrics: {},
          dataSnapshot: {},
          artifact: new Uint8Array([7, 0, 255]),
        });
        expect(await readVersionArtifact(test.sql, tiny.id, 2)).toEqual(new Uint8Array([7, 0, 255]));
        await test.db.modelVersion.update({ where: { id: tiny.id }, data: { artifact: null }, select: { id: true } });
        expect(await readVersionArtifact(test.sql, tiny.id)).toBeNull();
        expect(await readVersionArtifact(test.sql, 999)).toBeNull();
        await expect(readVersionArtifact(test.sql, saved.id, 0)).rejects.toThrow(/pieceBytes must be a positive/);
      } finally {
        await test.drop();
      }
    },
  );
});
