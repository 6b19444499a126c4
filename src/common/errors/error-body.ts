import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode } from './error-code';

export class FieldErrorBody {
  @ApiProperty({ description: 'The input field as the client sent it, e.g. `containers[0].image`' })
  path!: string;
  @ApiProperty() message!: string;
}

/** The one REST error body: `{statusCode, code, message, fields?}`. */
export class ErrorBody {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ enum: Object.values(ErrorCode) }) code!: ErrorCode;
  @ApiProperty({ description: 'Written for people; never carries internals' }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorBody], description: 'Which inputs were refused, and why' })
  fields?: FieldErrorBody[];
}
