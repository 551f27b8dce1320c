/** The `secret` parameter of an `otpauth://totp/...?secret=...` URI, or undefined. */
export function secretFromOtpauthUri(uri: string): string | undefined {
  const query = uri.indexOf('?');
  if (!uri.toLowerCase().startsWith('otpauth://') || query < 0) return undefined;
  const secret = new URLSearchParams(uri.slice(query + 1)).get('secret');
  return secret ? secret.replace(/\s+/g, '').toUpperCase() : undefined;
}

/** `"JBSWY3DPEHPK3PXP"` → `"JBSW Y3DP EHPK 3PXP"`, easier to type into an authenticator app. */
export function groupInFours(value: string): string {
  return value.replace(/(.{4})(?=.)/g, '$1 ');
}
