import { Module } from '@nestjs/common';
import { SecretsController } from './secrets.controller';
import { SecretsResolver } from './secrets.resolver';
import { SecretsService } from './secrets.service';

@Module({
  providers: [SecretsService, SecretsResolver],
  controllers: [SecretsController],
  exports: [SecretsService],
})
export class SecretsModule {}
