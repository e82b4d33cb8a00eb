import { ContextConsumer } from '@lit/context';
import type { Client } from '@diachiso/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clientContext, sharedClient, type ClientPromise, type ClientSettings } from './shared-client.js';

type Host = ReactiveControllerHost & HTMLElement & { client: Client | undefined };

/**
 * Decides, in one place for every element, which client an element uses: its own `.client`
 * when set (an override), else the one of the nearest `<dcs-platform>` around it, else the
 * page's shared client for the element's own settings (one per configuration per page).
 * @internal
 */
export class ClientController implements ReactiveController {
  readonly #host: Host;
  readonly #settings: () => ClientSettings;
  #provided: ClientPromise | undefined;

  /**
   * @param host - The element.
   * @param settings - The element's own settings, used when no provider is around it.
   */
  constructor(host: Host, settings: () => ClientSettings) {
    this.#host = host;
    this.#settings = settings;
    host.addController(this);
    new ContextConsumer(host, {
      context: clientContext,
      subscribe: true,
      callback: (v) => {
        this.#provided = v;
      },
    });
  }

  /** Whether a `<dcs-platform>` provides the client. */
  get provided(): boolean {
    return !!this.#provided;
  }

  /**
   * Returns the client to use now.
   *
   * @returns The client.
   */
  get(): Promise<Client> {
    if (this.#host.client) return Promise.resolve(this.#host.client);
    return this.#provided ?? sharedClient(this.#settings());
  }

  hostConnected(): void {}
}
