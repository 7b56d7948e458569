import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProductsService, type Caller } from '@app/traceability';
import { CurrentCaller } from '../../common/auth.decorators.js';
import { IdPipe } from '../../common/id.pipe.js';
import { ApiErrors } from '../common/registry.dto.js';
import { CreateProductDto, ProductDto, ProductListQueryDto, ProductPageDto, UpdateProductDto } from './dto/index.js';
import { ReplayWith } from '../../common/replay.decorator.js';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('api/v1/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Post()
  @ReplayWith('get', 'created')
  @ApiOperation({ summary: 'Register a product (GTIN optional, unique across the platform)' })
  @ApiCreatedResponse({ type: ProductDto })
  @ApiErrors(400, 409, 422)
  create(@CurrentCaller() caller: Caller, @Body() body: CreateProductDto) {
    return this.products.create(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'List products (paged, searchable, sortable)' })
  @ApiOkResponse({ type: ProductPageDto })
  @ApiErrors(400)
  list(@CurrentCaller() caller: Caller, @Query() query: ProductListQueryDto) {
    return this.products.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.products.get(caller, id);
  }

  @Patch(':id')
  @ReplayWith('get', { param: 'id' })
  @ApiOperation({ summary: 'Update a product; null clears an optional field' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(400, 404, 409, 422)
  update(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: UpdateProductDto) {
    return this.products.update(caller, id, body);
  }
}
