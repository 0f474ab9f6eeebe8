/** What the API accepts as a caller-chosen key (X-Request-Id, Idempotency-Key): short and log-safe. */
export const CLIENT_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
