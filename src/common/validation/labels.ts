import { DNS1123_SUBDOMAIN } from './names';

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const LABEL_KEY_MESSAGE = 'must be a label key such as tier or example.com/tier';
export const LABEL_VALUE_MESSAGE =
  'must be at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';

/** `[prefix/]name` with a DNS subdomain prefix, as Kubernetes label and annotation keys are. */
export function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts.pop()!;
  const prefix = parts[0];
  const validName = name.length <= 63 && LABEL_NAME.test(name);
  const validPrefix = prefix === undefined || (prefix.length <= 253 && DNS1123_SUBDOMAIN.test(prefix));
  return validName && validPrefix;
}

export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}
