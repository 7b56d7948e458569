import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService, PasswordResetsService, type Caller } from '@app/traceability';
import { CurrentCaller, MinRole, Public } from '../common/auth.decorators.js';
import { ReplayWith } from '../common/replay.decorator.js';
import { AcceptedDto, ForgotPasswordDto, LoginDto, LoginResponseDto, ResetPasswordDto, SignupDto, SignupResponseDto } from './dto/index.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly resets: PasswordResetsService,
  ) {}

  /** Signs up a cooperative, enterprise or household business with its first admin, the owner. */
  /** The answer of a write that answers nothing (204). */
  nothing() {
    return undefined;
  }

  @Post('signup')
  @Public()
  @ApiOperation({ summary: 'Sign up an organization with its owner (programme offices are created by a platform operator: 403 ORGANIZATION_KIND_NOT_ALLOWED)' })
  @ApiCreatedResponse({ type: SignupResponseDto })
  signup(@Body() body: SignupDto) {
    return this.accounts.signup(body);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; repeated failures lock the email for a while (429 LOGIN_LOCKED with Retry-After)' })
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() body: LoginDto) {
    return this.accounts.login(body.email, body.password);
  }

  @Post('logout')
  @ReplayWith('nothing', 'nothing')
  @ApiBearerAuth()
  @MinRole('viewer')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session: its token is refused by every API process from the answer on' })
  @ApiNoContentResponse()
  async logout(@CurrentCaller() caller: Caller) {
    await this.accounts.logout(caller);
  }

  @Post('forgot-password')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail a one-time password-reset link to the email if it has an account (needs SMTP_URL); the answer is the same either way' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  forgotPassword(@Body() body: ForgotPasswordDto) {
    this.resets.requestByEmail(body.email);
    return { status: 'accepted' };
  }

  @Post('reset-password')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with a one-time link’s token; every session of the user ends' })
  @ApiNoContentResponse()
  async resetPassword(@Body() body: ResetPasswordDto) {
    await this.resets.complete(body.token, body.password);
  }
}
