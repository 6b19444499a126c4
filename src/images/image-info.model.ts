import { ObjectType } from '@nestjs/graphql';
import { PROTOCOL } from '../common/api/kubernetes-sets';
import {
  EnumField,
  IntField,
  ListField,
  NullableDateField,
  NullableStringField,
  StringField,
} from '../common/api/output-field.decorators';

/** What an image says about itself: the StatefulSet form's "Use Default Ports" and defaults. */

@ObjectType({ description: 'A port the image exposes, as a ready-to-use container port' })
export class ImagePort {
  @StringField({ example: 'tcp-80', description: 'e.g. tcp-80' }) name!: string;
  @EnumField(PROTOCOL) protocol!: string;
  @IntField({ example: 80 }) containerPort!: number;
}

@ObjectType({ description: 'An environment variable the image sets' })
export class ImageEnvVar {
  @StringField() name!: string;
  @StringField() value!: string;
}

@ObjectType({ description: 'An image as its registry describes it, for one platform' })
export class ImageInfo {
  @StringField({
    example: 'docker.io/library/nginx:latest',
    description: 'The full reference inspected, e.g. docker.io/library/nginx:latest',
  })
  image!: string;
  @StringField({ description: 'e.g. docker.io or 127.0.0.1:5000' }) registry!: string;
  @StringField({ description: 'e.g. library/nginx' }) repository!: string;
  @NullableStringField({ description: 'Null when the reference names only a digest' }) tag!: string | null;
  @StringField({
    example: 'sha256:…',
    description: 'Digest of what the reference names (a multi-platform index, if it is one)',
  })
  digest!: string;
  @StringField({ example: 'linux/amd64', description: 'The platform described, os/architecture[/variant]' })
  platform!: string;
  @ListField(ImagePort, { description: 'Exposed ports, sorted by port' }) ports!: ImagePort[];
  @ListField(String) entrypoint!: string[];
  @ListField(String) cmd!: string[];
  @ListField(ImageEnvVar) env!: ImageEnvVar[];
  @NullableStringField() workingDir!: string | null;
  @NullableStringField() user!: string | null;
  @ListField(String, { description: 'Tags of the repository, sorted (at most 1000)' }) tags!: string[];
  @NullableDateField({ description: 'When the image was built, if it says' }) createdAt!: Date | null;
}
