import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Query strings carry booleans as "true" / "false". */
export const bool = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** `?dryRun=true`: validate with the API server and answer what would be written, without writing. */
export class DryRunParams {
  @ApiPropertyOptional({
    description: 'Validate with the API server and answer what would be written, without writing',
  })
  @IsOptional()
  @bool()
  @IsBoolean()
  dryRun?: boolean;
}

export class UpdateParams extends DryRunParams {
  @ApiProperty({ description: 'As read, so that a change made meanwhile is not overwritten (409 if it was)' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  resourceVersion!: string;
}

export class ForceDeleteParams extends DryRunParams {
  @ApiPropertyOptional({ default: false, description: 'Delete even while workloads use it' })
  @IsOptional()
  @bool()
  @IsBoolean()
  force?: boolean;
}
