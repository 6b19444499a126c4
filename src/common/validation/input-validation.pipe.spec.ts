import { Type } from 'class-transformer';
import { rejection } from '../../../test/support/rejection';
import { IsInt, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { InputValidationPipe } from './input-validation.pipe';

class Port {
  @IsInt() @Min(1) @Max(65535) containerPort!: number;
}

class Container {
  @IsString() @Matches(/^[a-z]+$/, { message: 'must be lower-case letters' }) name!: string;
  @ValidateNested({ each: true }) @Type(() => Port) ports!: Port[];
}

class Input {
  @ValidateNested({ each: true }) @Type(() => Container) containers!: Container[];
}

describe('InputValidationPipe', () => {
  const pipe = new InputValidationPipe();

  const failure = (value: unknown, data?: string): Promise<DomainError> =>
    rejection(pipe.transform(value, { type: 'body', metatype: Input, data }), DomainError);

  it('names each bad field by its full path within the input', async () => {
    const error = await failure(
      {
        containers: [
          { name: 'ok', ports: [{ containerPort: 80 }] },
          { name: 'Bad', ports: [{ containerPort: 70000 }] },
        ],
      },
      'input',
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual([
      { path: 'containers[1].name', message: 'must be lower-case letters' },
      { path: 'containers[1].ports[0].containerPort', message: 'must not be greater than 65535' },
    ]);
  });

  it('refuses unknown properties instead of dropping them', async () => {
    const error = await failure({ containers: [], replicaz: 3 });
    expect(error.fields).toEqual([{ path: 'replicaz', message: 'property replicaz should not exist' }]);
  });

  it('returns a typed instance for valid input', async () => {
    const value = await pipe.transform(
      { containers: [{ name: 'web', ports: [] }] },
      { type: 'body', metatype: Input },
    );
    expect(value).toBeInstanceOf(Input);
  });
});
