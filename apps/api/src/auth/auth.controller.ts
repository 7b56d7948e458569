import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService } from '@app/traceability';
import { Public } from '../common/auth.decorators.js';
import { LoginDto, LoginResponseDto, SignupDto, SignupResponseDto } from './auth.dto.js';

@ApiTags('auth')
@Public()
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

  /** Signs up a cooperative (or other organization) with its first admin, the owner. */
  @Post('signup')
  @ApiCreatedResponse({ type: SignupResponseDto })
  signup(@Body() body: SignupDto) {
    return this.accounts.signup(body);
  }

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() body: LoginDto) {
    return this.accounts.login(body.email, body.password);
  }
}
