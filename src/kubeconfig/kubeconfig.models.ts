import { InputType, ObjectType } from '@nestjs/graphql';
import { ObjectField, StringField } from '../common/api/output-field.decorators';
import { ValidateDnsLabel, ValidateString } from '../common/validation/field.decorators';
import { ApiToken, CreateApiTokenInput } from '../users/api-token.models';

@InputType()
export class CreateKubeconfigInput extends CreateApiTokenInput {
  @ValidateDnsLabel({
    optional: true,
    description: 'The project of the current context (default: the first of yours, by name)',
  })
  project?: string;
  @ValidateString({
    optional: true,
    maxLength: 2048,
    pattern: { regex: /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, message: 'must be an http(s) URL' },
    description:
      "Berth's address as kubectl will reach it (default: the address this request came to); `/kube` is added",
  })
  server?: string;
}

@ObjectType({ description: 'A kubeconfig for your projects, with a new API token in it' })
export class CreatedKubeconfig {
  @StringField({
    description:
      'YAML for kubectl: one context per project you may see, each a namespace behind Berth’s Kubernetes API path. It holds the token: shown once.',
  })
  kubeconfig!: string;
  @ObjectField(ApiToken) apiToken!: ApiToken;
}
