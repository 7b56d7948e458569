import { Body, Controller, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AccountsService, OrganizationProfileService, ORGANIZATION_KINDS, type Caller } from '@app/traceability';
import { CurrentCaller, MinRole } from '../common/auth.decorators.js';
import { ReplayWith } from '../common/replay.decorator.js';
import { CommuneCodeField, CommuneCodeProperty, ProvinceCodeField, ProvinceCodeProperty } from '../common/place-fields.js';

export class UpdateOrganizationDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Bản Co Mỵ, xã Thanh Xương' }) @IsOptional() @IsString() @MaxLength(500) address?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Thanh Xương' }) @IsOptional() @IsString() @MaxLength(100) commune?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Điện Biên' }) @IsOptional() @IsString() @MaxLength(100) province?: string | null;
  @ProvinceCodeField() provinceCode?: string | null;
  @CommuneCodeField() communeCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '0215 3825 123' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 .()-]{6,22}$/, { message: 'phone must be a phone number (digits, spaces, + . ( ) -)' })
  phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '8934567000017', description: 'GS1 GLN, 13 digits; the check digit is verified' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  gln?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '893456700', description: 'GS1 company prefix, 6–12 digits (EPCIS writes your GTINs and GLNs as EPC URNs with it)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  gs1CompanyPrefix?: string | null;
}

export class OrganizationProfileDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) province: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) commune: string | null;
  @ProvinceCodeProperty() provinceCode: string | null;
  @CommuneCodeProperty() communeCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) address: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) gln: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) gs1CompanyPrefix: string | null;
}

/** The caller's own organization: the details that the standard exports carry. */
@ApiTags('account')
@ApiBearerAuth()
@Controller('api/v1/organization')
export class OrganizationController {
  constructor(
    private readonly profiles: OrganizationProfileService,
    private readonly accounts: AccountsService,
  ) {}

  /** The organization as changing it answered (ReplayWith). */
  organization(caller: Caller) {
    return this.accounts.getOrganization(caller);
  }

  @Patch()
  @ReplayWith('organization', 'organization')
  @MinRole('admin')
  @ApiOperation({ summary: 'Change the organization’s address, phone, GLN and GS1 company prefix (admins)' })
  @ApiOkResponse({ type: OrganizationProfileDto })
  update(@CurrentCaller() caller: Caller, @Body() body: UpdateOrganizationDto) {
    return this.profiles.update(caller, body);
  }
}
