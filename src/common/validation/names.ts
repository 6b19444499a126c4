import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, ValidationOptions, registerDecorator } from 'class-validator';
import { passwordProblem } from './password-policy';

export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const DNS1123_LABEL_MESSAGE =
  'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit';

/** A Kubernetes-style name: a DNS-1123 label of at most `max` characters. */
export function IsDnsLabel(max = 63, options: { each?: boolean } = {}): PropertyDecorator {
  const each = options.each ?? false;
  return applyDecorators(
    IsString({ each }),
    MaxLength(max, { each, message: `must be at most ${max} characters` }),
    Matches(DNS1123_LABEL, { each, message: DNS1123_LABEL_MESSAGE }),
  );
}

export function IsPassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPassword',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? (passwordProblem(args.value) ?? 'is invalid')
            : 'must be a string',
      },
    });
}
