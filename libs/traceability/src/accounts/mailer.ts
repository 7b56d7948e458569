import { Logger } from '@nestjs/common';
import nodemailer from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@app/config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends the service's mail (password-reset links). */
export interface Mailer {
  readonly configured: boolean;
  send(message: MailMessage): Promise<void>;
}

export const MAILER = Symbol('MAILER');

/** SMTP through nodemailer (SMTP_URL, MAIL_FROM). */
export class SmtpMailer implements Mailer {
  readonly configured = true;
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;

  constructor(smtpUrl: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
}

/** No SMTP_URL: nothing is sent, and the log says so (never the link: it is a secret). */
export class UnconfiguredMailer implements Mailer {
  readonly configured = false;
  private readonly logger = new Logger('Mail');

  async send(message: MailMessage): Promise<void> {
    this.logger.warn(`mail is not configured (SMTP_URL is unset): "${message.subject}" was not sent`);
  }
}

export const mailerProvider = {
  provide: MAILER,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): Mailer => (config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new UnconfiguredMailer()),
};
