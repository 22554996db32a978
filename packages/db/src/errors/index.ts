export { APP_ERROR_CODES, AppError, type AppErrorCode, type AppErrorOptions } from "./app-error";
