import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';

/** Where a member's code can go: the phone or e-mail on their record. */
export type Destination = { phone?: string | undefined; email?: string | undefined };

/**
 * A way to deliver a one-time code. text is the whole message; code is passed as well so the
 * development channel can show it on its own line.
 */
export type Channel = {
  name: string;
  send: (to: Destination, text: string, code: string) => Promise<void>;
};

/** What the member reads on their phone. */
export const codeMessage = (code: string) =>
  `Mã đăng nhập Công đoàn của bạn là ${code}, hiệu lực 5 phút. Không chia sẻ mã này.`;

/** Development: the code goes to the server log at warn level (the browser tests read it there). */
export function logChannel(log: FastifyBaseLogger): Channel {
  return {
    name: 'log',
    send: async (to, _text, code) => {
      const address = to.phone ?? to.email ?? '';
      log.warn({ otp: { to: address, code } }, `Mã đăng nhập congdoan (kênh phát triển): ${code} → ${address}`);
    },
  };
}

/** A gateway (SMS, Zalo ZNS, e-mail) behind one URL: it receives { channel, to, text }. */
export function webhookChannel(url: string): Channel {
  return {
    name: 'webhook',
    send: async (to, text) => {
      const body = to.phone ? { channel: 'sms', to: to.phone, text } : { channel: 'email', to: to.email, text };
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`OTP webhook answered ${res.status}`);
    },
  };
}

let installed: Channel | null = null;

/** Tests put a recording channel here to read the codes; null puts the configured one back. */
export function installChannel(channel: Channel | null) {
  installed = channel;
}

/** The channel codes go out by: an installed one (tests), else the configured one. */
export function channelFor(config: Config, log: FastifyBaseLogger): Channel {
  if (installed) return installed;
  if (config.otpChannel === 'webhook' && config.otpWebhookUrl) return webhookChannel(config.otpWebhookUrl);
  return logChannel(log);
}
