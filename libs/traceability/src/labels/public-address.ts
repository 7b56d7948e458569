/**
 * Labels carry the deployment's public base URL in their QR codes and printed text. When that is a
 * loopback address (the default `http://localhost:3000` when PUBLIC_BASE_URL is not set), no phone can
 * open what is printed: the label-job answer and the console say so before a roll is wasted.
 */
export interface LabelWarning {
  code: 'PUBLIC_BASE_URL_LOOPBACK';
  message: string;
  /** The address printed on the labels. */
  url: string;
}

export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === '0.0.0.0';
}

export function labelAddressWarnings(payloadBase: string | undefined): LabelWarning[] {
  if (!payloadBase || !isLoopbackUrl(payloadBase)) return [];
  const origin = new URL(payloadBase).origin;
  return [
    {
      code: 'PUBLIC_BASE_URL_LOOPBACK',
      message: `the labels point to ${origin}, a loopback address no phone can open; set PUBLIC_BASE_URL to the service's public address before printing`,
      url: origin,
    },
  ];
}
