/** The Content-Security-Policy of every page hubdesk serves, in Electron and in browser mode. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** External sites a person may open from the app (in their own browser, never inside hubdesk). */
export const EXTERNAL_LINK_ALLOWLIST = [
  'https://reports.ofsted.gov.uk/',
  'https://www.ofsted.gov.uk/',
  'https://get-information-schools.service.gov.uk/',
  'https://www.gov.uk/',
  'https://challengepartners.org/',
  'https://www.challengepartners.org/',
];

export function isAllowedExternalLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  return EXTERNAL_LINK_ALLOWLIST.some((prefix) => parsed.href.startsWith(prefix));
}
