import { quoteValue } from "../../quote-value";

/**
 * Why an http(s) image URL cannot be stored, or undefined when it can: it must parse as an absolute http(s) URL with
 * a host, carry no user name or password, and hold no spaces or control characters (it goes into `<img src>` as is).
 */
export function checkImageUrl(image: string): string | undefined {
  const bad = (why: string) => `${quoteValue(image)}: ${why}`;
  if (!/^https?:\/\//i.test(image)) return bad("is not an http(s) URL");
  if (hasSpaceOrControl(image)) return bad("a URL may not contain spaces or control characters");
  let url: URL;
  try {
    url = new URL(image);
  } catch {
    return bad("is not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return bad("only http(s) URLs are stored");
  if (url.hostname === "") return bad("the URL has no host");
  if (url.username !== "" || url.password !== "") return bad("the URL may not carry a user name or password");
  return undefined;
}

function hasSpaceOrControl(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || /\s/.test(character)) return true;
  }
  return false;
}
