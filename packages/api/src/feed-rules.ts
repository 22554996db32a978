/**
 * The feed's business rules as pure functions (`@jewelguide/api/feed-rules`): the exploration simulator
 * (`npm run bench -- exploration`) serves its simulated feeds under the very rules and defaults the shop's feed uses,
 * without loading the server.
 */
export { capPerCategory, interleaveCategories } from "./services/recommendations/cap-per-category";
export { DEFAULT_FEED_RULES, type FeedRules } from "./services/recommendations/feed-rules";
