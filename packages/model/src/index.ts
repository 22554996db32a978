export * from "./domain/events";
export * from "./domain/vocabulary";
