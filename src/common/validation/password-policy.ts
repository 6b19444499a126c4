/** Passwords: 8 to 64 characters with an upper-case letter, a lower-case letter and a digit. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8 || password.length > 64) return 'must be 8 to 64 characters long';
  if (!/[A-Z]/.test(password)) return 'must contain an upper-case letter';
  if (!/[a-z]/.test(password)) return 'must contain a lower-case letter';
  if (!/[0-9]/.test(password)) return 'must contain a digit';
  return null;
}
