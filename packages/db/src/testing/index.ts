export { createTestDatabase, type TestDatabase, testPostgresServerUrl } from "./create-test-database";
