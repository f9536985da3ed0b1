// HTTPS to the CDP API with the CA bundle a profile names and through an HTTP(S) proxy (a CONNECT
// tunnel), as cdpcli does with requests: verify=<ca_bundle> and the proxies of
// requests.utils.get_environ_proxies (cdpcli/endpoint.py EndpointCreator._get_proxies).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';

/** The proxy for a URL from the environment: https_proxy/HTTPS_PROXY (http_proxy for http), unless NO_PROXY matches. */
export function proxyFromEnvironment(targetUrl: string, env: Record<string, string | undefined>): string | undefined {
  const target = new URL(targetUrl);
  const scheme = target.protocol === 'https:' ? 'https' : 'http';
  const proxy = env[`${scheme}_proxy`] || env[`${scheme.toUpperCase()}_PROXY`] || env.all_proxy || env.ALL_PROXY;
  if (!proxy) return undefined;
  return bypassesProxy(target, env.no_proxy ?? env.NO_PROXY ?? '') ? undefined : proxy;
}

/** NO_PROXY as requests reads it: comma-separated hosts or domain suffixes (".example.com" or "example.com"), host:port, or "*". */
export function bypassesProxy(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const [entryHost, entryPort] = entry.startsWith('[') ? [entry.slice(1, entry.indexOf(']')), entry.split(']:')[1]] : entry.split(':');
    if (entryPort && entryPort !== port) continue;
    const suffix = entryHost.replace(/^\*?\./, '');
    if (host === suffix || host.endsWith(`.${suffix}`)) return true;
  }
  return false;
}

export interface HttpsAgentOptions {
  /** PEM certificates to trust instead of the system's. */
  ca?: string;
  /** http:// or https:// URL of the proxy, with user:password@ if it asks for them. */
  proxyUrl?: string;
}

class TunnelAgent extends HttpsAgent {
  constructor(
    private readonly proxy: URL,
    options: AgentOptions,
  ) {
    super(options);
  }

  // Node's Agent accepts a connection handed over later through the callback.
  override createConnection(options: ConnectionOptions & { host?: string; port?: number | string }, callback: (error: Error | null, socket?: Duplex) => void): undefined {
    const host = options.host ?? 'localhost';
    const port = Number(options.port ?? 443);
    const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const headers: Record<string, string> = { Host: authority };
    if (this.proxy.username) {
      const credentials = `${decodeURIComponent(this.proxy.username)}:${decodeURIComponent(this.proxy.password)}`;
      headers['Proxy-Authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    const send = this.proxy.protocol === 'https:' ? httpsRequest : httpRequest;
    const connect = send({
      host: this.proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(this.proxy.port || (this.proxy.protocol === 'https:' ? 443 : 80)),
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false,
    });
    connect.once('connect', (response: IncomingMessage, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        const error = Object.assign(new Error(`the proxy ${this.proxy.host} refused the tunnel to ${authority} (HTTP ${response.statusCode})`), { code: 'EPROXY' });
        callback(error);
        return;
      }
      const secure = tlsConnect({ ...options, socket, servername: options.servername || host });
      callback(null, secure);
    });
    connect.once('error', (error) => callback(error));
    connect.end();
    return undefined;
  }
}

/** An agent that trusts `ca` (when given) and tunnels through `proxyUrl` (when given). */
export function createHttpsAgent(options: HttpsAgentOptions): HttpsAgent {
  const agentOptions: AgentOptions = { keepAlive: false, ...(options.ca ? { ca: options.ca } : {}) };
  return options.proxyUrl ? new TunnelAgent(new URL(options.proxyUrl), agentOptions) : new HttpsAgent(agentOptions);
}
