import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../iam/access-rules';
import { StorageClass } from './storage-class.model';
import { StorageClassesService } from './storage-classes.service';

@ApiTags('storage')
@Controller('storageclasses')
export class StorageClassesController {
  constructor(private readonly classes: StorageClassesService) {}

  @Get()
  @Access.authenticated()
  @ApiOperation({ summary: 'The storage classes volumes can ask for, by name' })
  @ApiOkResponse({ type: [StorageClass] })
  list(): Promise<StorageClass[]> {
    return this.classes.list();
  }
}
