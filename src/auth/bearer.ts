/** The token of an `Authorization: Bearer <token>` value (any case, surrounding space ignored), else null. */
export function bearerToken(value: string | undefined): string | null {
  return /^Bearer\s+(\S+)$/i.exec(value?.trim() ?? '')?.[1] ?? null;
}
