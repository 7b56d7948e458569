import argon2 from 'argon2';
import { Injectable } from '@nestjs/common';

/** argon2id: memory-hard, so a stolen table of hashes is slow to crack. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
