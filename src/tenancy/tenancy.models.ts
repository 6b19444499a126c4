import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProjectSecurityView } from './project-security.models';

@ObjectType({ description: "A user's role in a workspace or project" })
export class Member {
  @Field() @ApiProperty() username!: string;
  @Field() @ApiProperty({ example: 'project-regular' }) role!: string;
}

@ObjectType({ description: 'A group of projects with its own members' })
export class Workspace {
  @Field() @ApiProperty() name!: string;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  displayName!: string | null;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  description!: string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) manager!:
    string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) creator!:
    string | null;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  createdAt!: Date | null;
}

@ObjectType({ description: 'A project: a Kubernetes namespace in a workspace' })
export class Project {
  @Field() @ApiProperty() name!: string;
  @Field() @ApiProperty() workspace!: string;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  displayName!: string | null;
  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  description!: string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) creator!:
    string | null;
  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  createdAt!: Date | null;
  @Field(() => ProjectSecurityView)
  @ApiProperty({ type: ProjectSecurityView })
  security!: ProjectSecurityView;
}

/** REST's project detail (GraphQL resolves `members` as a field of Project instead). */
export class ProjectDetail extends Project {
  @ApiProperty({ type: [Member] }) members!: Member[];
}
