import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { communesOf, notFound, PROVINCES, provinceByCodeOf } from '@app/traceability';
import { ApiErrors } from '../registry/common/registry.dto.js';

export class ProvinceDto {
  @ApiProperty({ example: '11' }) code: string;
  @ApiProperty({ example: 'Điện Biên' }) name: string;
  @ApiProperty({ example: 'Tỉnh Điện Biên' }) officialName: string;
}

export class CommuneDto {
  @ApiProperty({ example: '03334' }) code: string;
  @ApiProperty({ example: 'Phường Mường Thanh' }) name: string;
  @ApiProperty({ example: '11' }) provinceCode: string;
}

export class CommuneQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name, diacritics optional ("muong thanh")' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

/**
 * The province and commune pickers' lists: the two-tier units in force since 1 July 2025 with their
 * official codes (README, "Administrative units").
 */
@ApiTags('admin-units')
@ApiBearerAuth()
@Controller('api/v1/admin-units')
export class AdminUnitsController {
  @Get('provinces')
  @ApiOperation({ summary: 'The 34 provinces and centrally-run cities with their official codes' })
  @ApiOkResponse({ type: [ProvinceDto] })
  provinces(): ProvinceDto[] {
    return [...PROVINCES].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  @Get('provinces/:code/communes')
  @ApiOperation({ summary: 'A province’s communes, wards and special zones with their official codes (searchable)' })
  @ApiOkResponse({ type: [CommuneDto] })
  @ApiErrors(400, 404)
  communes(@Param('code') code: string, @Query() query: CommuneQueryDto): CommuneDto[] {
    if (!provinceByCodeOf(code)) throw notFound('Province', code);
    return communesOf(code, query.q);
  }
}
