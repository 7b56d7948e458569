import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService, type Caller } from '@app/traceability';
import { CurrentCaller, MinRole } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { OrganizationDto, UserDto } from '../auth/auth.dto.js';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, CreateUserDto } from './account.dto.js';
import { ReplayWith } from '../common/replay.decorator.js';

@ApiTags('account')
@ApiBearerAuth()
@Controller('api/v1')
export class AccountController {
  constructor(private readonly accounts: AccountsService) {}

  /** A user of the organization, as creating it answered (ReplayWith). */
  async user(caller: Caller, id: string) {
    return (await this.accounts.listUsers(caller)).find((user) => user.id === id);
  }

  /** An API key, as revoking it answered (ReplayWith). */
  async apiKey(caller: Caller, id: string) {
    return (await this.accounts.listApiKeys(caller)).find((key) => key.id === id);
  }

  /** A created API key whose answer was lost in a crash: its secret was never stored, so it cannot be given again. */
  async createdApiKey(caller: Caller, id: string) {
    return { apiKey: await this.apiKey(caller, id), key: null };
  }

  @Get('me')
  async me(@CurrentCaller() caller: Caller) {
    const organization = await this.accounts.getOrganization(caller);
    return { organization, role: caller.role, userId: caller.userId, apiKeyId: caller.apiKeyId };
  }

  /** For a programme office: the organizations in its province it may read (X-Organization-Id). */
  @Get('organizations')
  @ApiOkResponse({ type: OrganizationDto, isArray: true })
  async organizations(@CurrentCaller() caller: Caller) {
    const items = await this.accounts.listOverseenOrganizations(caller);
    return { items, total: items.length };
  }

  @Get('users')
  @MinRole('admin')
  @ApiOkResponse({ type: UserDto, isArray: true })
  async users(@CurrentCaller() caller: Caller) {
    const items = await this.accounts.listUsers(caller);
    return { items, total: items.length };
  }

  @Post('users')
  @ReplayWith('user', 'created')
  @MinRole('admin')
  @ApiCreatedResponse({ type: UserDto })
  createUser(@CurrentCaller() caller: Caller, @Body() body: CreateUserDto) {
    return this.accounts.createUser(caller, body);
  }

  @Get('api-keys')
  @MinRole('admin')
  @ApiOkResponse({ type: ApiKeyDto, isArray: true })
  async apiKeys(@CurrentCaller() caller: Caller) {
    const items = await this.accounts.listApiKeys(caller);
    return { items, total: items.length };
  }

  @Post('api-keys')
  @ReplayWith('createdApiKey', 'created')
  @MinRole('admin')
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  createApiKey(@CurrentCaller() caller: Caller, @Body() body: CreateApiKeyDto) {
    return this.accounts.createApiKey(caller, body.name, body.role);
  }

  @Delete('api-keys/:id')
  @ReplayWith('apiKey', { param: 'id' })
  @MinRole('admin')
  @ApiOkResponse({ type: ApiKeyDto })
  revokeApiKey(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.accounts.revokeApiKey(caller, id);
  }
}
