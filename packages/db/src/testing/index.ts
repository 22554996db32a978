export { createTestDatabase, testPostgresServerUrl, type TestDatabase } from "./create-test-database";
