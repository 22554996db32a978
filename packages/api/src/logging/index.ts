export { serverLogger } from "./server-logger";
