import { type ListPage, restList } from '../common/paging';
import { PageQuery } from '../common/validation/list-params';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../iam/access-rules';
import { STORAGE_CLASS_PAGES, StorageClass } from './storage-class.model';
import { StorageClassesService } from './storage-classes.service';

@ApiTags('storage')
@Controller('storageclasses')
export class StorageClassesController {
  constructor(private readonly classes: StorageClassesService) {}

  @Get()
  @Access.authenticated()
  @ApiOperation({ summary: 'The storage classes volumes can ask for, by name' })
  @ApiOkResponse({ type: STORAGE_CLASS_PAGES.list })
  async list(@Query() query: PageQuery): Promise<ListPage<StorageClass>> {
    return restList(await this.classes.list(), query);
  }
}
