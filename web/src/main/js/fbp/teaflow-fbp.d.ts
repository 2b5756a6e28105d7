// Types of `teaflow/fbp`: the FBP network protocol (NoFlo's tools) served from a page.
import type { Api, ActorDefinition } from 'teaflow';

export declare const PROTOCOL_VERSION: string;
export declare const CAPABILITIES: readonly string[];

export interface FbpRuntimeOptions {
  /** JS actors offered beside `core/*`, by component name. */
  actors?: Record<string, ActorDefinition>;
  /** When set, every message must carry it (`secret` field); others get an error and do nothing. */
  secret?: string;
  label?: string;
  /** The runtime's id (a UUID v4); a random one by default. */
  id?: string;
  limits?: Partial<{ messageChars: number; burst: number; perSecond: number; dataPerSecond: number; graphs: number;
    nodesPerGraph: number; edgesPerGraph: number }>;
}

export interface FbpMessage {
  protocol: string;
  command: string;
  payload: unknown;
  responseTo?: string;
}

export interface FbpClient {
  /** One message from the client: JSON text, or an already parsed object. */
  receive(message: unknown): Promise<void>;
  close(): void;
}

export interface FbpRuntime {
  readonly secret: string | undefined;
  connect(send: (message: FbpMessage) => void, options?: { congested?: () => boolean }): FbpClient;
  /** Stops every network the runtime started. */
  close(): Promise<void>;
}

/** The protocol handler over `tf` (what `init()` resolved to); transports call `connect`. */
export declare function createFbpRuntime(tf: Api, options?: FbpRuntimeOptions): FbpRuntime;

export interface PostMessageOptions {
  /** The exact origins allowed to drive this page, e.g. `['https://app.flowhub.io']`; `['*']` needs a secret. */
  origins: string[];
  /** The window to talk to: by default the parent frame (iframe mode), else the opener. */
  peer?: Window;
}

/** Serves the runtime to noflo-ui's iframe / opener transports over `postMessage`. */
export declare function servePostMessage(runtime: FbpRuntime, options: PostMessageOptions): { close(): void };
