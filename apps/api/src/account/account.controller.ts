import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService, UsersService, type Caller } from '@app/traceability';
import { CurrentCaller, MinRole } from '../common/auth.decorators.js';
import { IdPipe } from '../common/id.pipe.js';
import { OrganizationDto, UserDto } from '../auth/dto/index.js';
import {
  ApiKeyDto,
  ApiKeyListDto,
  ChangePasswordDto,
  CreateApiKeyDto,
  CreatedApiKeyDto,
  CreatedUserDto,
  CreateUserDto,
  PasswordLinkDto,
  UpdateUserDto,
  UserListDto,
} from './dto/index.js';
import { ReplayWith, SecretFields } from '../common/replay.decorator.js';

@ApiTags('account')
@ApiBearerAuth()
@Controller('api/v1')
export class AccountController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly users: UsersService,
  ) {}

  /** A user of the organization, as creating it answered (ReplayWith). */
  async user(caller: Caller, id: string) {
    return (await this.users.list(caller)).find((user) => user.id === id);
  }

  /** A password link whose answer was lost in a crash: only its hash was stored; issue another (it retires this one). */
  lostPasswordLink() {
    return { link: null, expiresAt: null };
  }

  /** The answer of a write that answers nothing (204). */
  nothing() {
    return undefined;
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
    return { organization, role: caller.role, userId: caller.userId, apiKeyId: caller.apiKeyId, actingFromOrganizationId: caller.actingFromOrganizationId ?? null };
  }

  @Post('me/password')
  @ReplayWith('nothing', 'nothing')
  @MinRole('viewer')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password (the current one is required); every session of yours ends, this one too' })
  @ApiNoContentResponse()
  async changePassword(@CurrentCaller() caller: Caller, @Body() body: ChangePasswordDto) {
    await this.users.changeOwnPassword(caller, body.currentPassword, body.newPassword);
  }

  /** For a programme office: the organizations that accepted its oversight (read them with X-Organization-Id). */
  @Get('organizations')
  @ApiOkResponse({ type: OrganizationDto, isArray: true })
  async organizations(@CurrentCaller() caller: Caller) {
    const items = await this.accounts.listOverseenOrganizations(caller);
    return { items, total: items.length };
  }

  @Get('users')
  @MinRole('admin')
  @ApiOkResponse({ type: UserListDto })
  async listUsers(@CurrentCaller() caller: Caller) {
    const items = await this.users.list(caller);
    return { items, total: items.length };
  }

  @Post('users')
  @ReplayWith('user', 'created')
  @SecretFields('passwordSetLink')
  @MinRole('admin')
  @ApiCreatedResponse({ type: CreatedUserDto })
  createUser(@CurrentCaller() caller: Caller, @Body() body: CreateUserDto) {
    return this.users.create(caller, body);
  }

  @Patch('users/:id')
  @ReplayWith('user', { param: 'id' })
  @MinRole('admin')
  @ApiOperation({ summary: 'Change a user’s role or name; a new role ends their sessions' })
  @ApiOkResponse({ type: UserDto })
  updateUser(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(caller, id, body);
  }

  @Post('users/:id/deactivate')
  @ReplayWith('user', { param: 'id' })
  @MinRole('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'The user can no longer log in; their sessions end at once' })
  @ApiOkResponse({ type: UserDto })
  deactivateUser(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.users.deactivate(caller, id);
  }

  @Post('users/:id/reactivate')
  @ReplayWith('user', { param: 'id' })
  @MinRole('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  reactivateUser(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.users.reactivate(caller, id);
  }

  @Delete('users/:id')
  @ReplayWith('nothing', 'nothing')
  @MinRole('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a user (not the last owner, not above your role); their sessions end at once' })
  @ApiNoContentResponse()
  async removeUser(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    await this.users.remove(caller, id);
  }

  @Post('users/:id/password-reset')
  @ReplayWith('lostPasswordLink', { param: 'id' })
  @SecretFields('link')
  @MinRole('admin')
  @ApiOperation({ summary: 'A one-time link for the user to set a new password (pass it on to them); nothing changes until it is used' })
  @ApiCreatedResponse({ type: PasswordLinkDto })
  issuePasswordReset(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.users.issuePasswordReset(caller, id);
  }

  @Get('api-keys')
  @MinRole('admin')
  @ApiOkResponse({ type: ApiKeyListDto })
  async apiKeys(@CurrentCaller() caller: Caller) {
    const items = await this.accounts.listApiKeys(caller);
    return { items, total: items.length };
  }

  @Post('api-keys')
  @ReplayWith('createdApiKey', 'created')
  @SecretFields('key')
  @MinRole('admin')
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  createApiKey(@CurrentCaller() caller: Caller, @Body() body: CreateApiKeyDto) {
    return this.accounts.createApiKey(caller, body.name, body.role);
  }

  @Delete('api-keys/:id')
  @ReplayWith('apiKey', { param: 'id' })
  @MinRole('admin')
  @ApiOperation({ summary: 'Revoke a key: refused by every API process from the answer on' })
  @ApiOkResponse({ type: ApiKeyDto })
  revokeApiKey(@CurrentCaller() caller: Caller, @Param('id', IdPipe) id: string) {
    return this.accounts.revokeApiKey(caller, id);
  }
}
