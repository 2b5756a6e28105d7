// Types of the Teaflow inspector: `import { inspect } from 'teaflow/inspector'`, or the global
// `TeaflowInspector` of dist/teaflow-inspector.js.
import type { Network } from 'teaflow';

export interface InspectOptions {
  /**
   * Where elkjs's layout worker (`dist/teaflow-inspector-layout.js`) is served from, when it is
   * not beside the inspector's own file (a bundler moved it). Without a worker the inspector
   * falls back to a simple layout.
   */
  layoutWorkerUrl?: string | URL;
}

export interface Inspection {
  /** Removes the inspector from the page and every listener from the network. */
  close(): void;
}

/**
 * Draws `network` inside `element` and keeps it live until `close()`: every node (id, component,
 * JS actor / Java component / subgraph, runs, queued packets, errors, pending run), every
 * connection (packets delivered and their rate), the selected node's live state (editable), and
 * an event log with filters. Test hooks: `data-teaflow-node="<id>"` on a node's element;
 * `data-teaflow-edge="<from>.<fromPort>><to>.<toPort>"` and `data-packets` on a connection's.
 */
export declare function inspect(network: Network, element: Element, options?: InspectOptions): Inspection;
