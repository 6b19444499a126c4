import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What an image says about itself: the StatefulSet form's "Use Default Ports" and defaults. */

@ObjectType({ description: 'A port the image exposes, as a ready-to-use container port' })
export class ImagePort {
  @Field({ description: 'e.g. tcp-80' }) @ApiProperty({ example: 'tcp-80' }) name!: string;
  @Field({ description: 'TCP, UDP or SCTP' })
  @ApiProperty({ enum: ['TCP', 'UDP', 'SCTP'] })
  protocol!: string;
  @Field(() => Int) @ApiProperty({ example: 80 }) containerPort!: number;
}

@ObjectType({ description: 'An environment variable the image sets' })
export class ImageEnvVar {
  @Field() @ApiProperty() name!: string;
  @Field() @ApiProperty() value!: string;
}

@ObjectType({ description: 'An image as its registry describes it, for one platform' })
export class ImageInfo {
  @Field({ description: 'The full reference inspected, e.g. docker.io/library/nginx:latest' })
  @ApiProperty({ example: 'docker.io/library/nginx:latest' })
  image!: string;
  @Field({ description: 'e.g. docker.io or 127.0.0.1:5000' }) @ApiProperty() registry!: string;
  @Field({ description: 'e.g. library/nginx' }) @ApiProperty() repository!: string;
  @Field(() => String, { nullable: true, description: 'Null when the reference names only a digest' })
  @ApiPropertyOptional({ type: String, nullable: true })
  tag!: string | null;
  @Field({ description: 'Digest of what the reference names (a multi-platform index, if it is one)' })
  @ApiProperty({ example: 'sha256:…' })
  digest!: string;
  @Field({ description: 'The platform described, os/architecture[/variant]' })
  @ApiProperty({ example: 'linux/amd64' })
  platform!: string;
  @Field(() => [ImagePort], { description: 'Exposed ports, sorted by port' })
  @ApiProperty({ type: [ImagePort] })
  ports!: ImagePort[];
  @Field(() => [String]) @ApiProperty({ type: [String] }) entrypoint!: string[];
  @Field(() => [String]) @ApiProperty({ type: [String] }) cmd!: string[];
  @Field(() => [ImageEnvVar]) @ApiProperty({ type: [ImageEnvVar] }) env!: ImageEnvVar[];
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  workingDir!: string | null;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  user!: string | null;
  @Field(() => [String], { description: 'Tags of the repository, sorted (at most 1000)' })
  @ApiProperty({ type: [String] })
  tags!: string[];
  @Field(() => Date, { nullable: true, description: 'When the image was built, if it says' })
  @ApiPropertyOptional({ type: Date, nullable: true })
  createdAt!: Date | null;
}
