/**
 * Generated from the runtime's OpenAPI document by packages/client/scripts/generate.ts: do not edit.
 * Regenerate with `pnpm --filter @tongban/client generate` after changing a route's schema.
 */

export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              /** @enum {unknown} */
              database: 'pglite' | 'postgres';
              calendarsRunningOut:
                | {
                    key: string;
                    /** Format: date */
                    endsOn: string | null;
                    daysLeft: number | null;
                  }[]
                | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with a local account; sets an HTTP-only session cookie */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              username: string;
              displayName: string;
              roles: ('admin' | 'supervisor' | 'staff' | 'grid' | 'resident')[];
              memberships: {
                department: string;
                /** @enum {unknown} */
                role: 'admin' | 'supervisor' | 'staff' | 'grid' | 'resident';
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is signed in */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              username: string;
              displayName: string;
              roles: ('admin' | 'supervisor' | 'staff' | 'grid' | 'resident')[];
              memberships: {
                department: string;
                /** @enum {unknown} */
                role: 'admin' | 'supervisor' | 'staff' | 'grid' | 'resident';
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The session of this browser: who is signed in, or `user: null` (not an error: a page asks before anyone signs in) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                roles: ('admin' | 'supervisor' | 'staff' | 'grid' | 'resident')[];
                memberships: {
                  department: string;
                  /** @enum {unknown} */
                  role: 'admin' | 'supervisor' | 'staff' | 'grid' | 'resident';
                }[];
              } | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/phone-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a one-time sign-in code to a mainland mobile number. The answer is the same whether or not the number has an account, and never holds the code */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            phone: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              expiresInSeconds: number;
              resendInSeconds: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/phone-sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with a mobile number and the code sent to it; the number's first sign-in makes a resident account. Sets the session cookie as /auth/login does */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            phone: string;
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              username: string;
              displayName: string;
              roles: ('admin' | 'supervisor' | 'staff' | 'grid' | 'resident')[];
              memberships: {
                department: string;
                /** @enum {unknown} */
                role: 'admin' | 'supervisor' | 'staff' | 'grid' | 'resident';
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dev/mailbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recent text messages of the development mailbox, newest first (only when it is on: the embedded mode without an SMS webhook; 404 otherwise) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                to: string;
                text: string;
                /** Format: date-time */
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The department tree (departments are published as definitions) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                parent: string | null;
                level: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                calendar: string | null;
                dispatch: {
                  [key: string]: unknown;
                } | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/departments/bounces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Transfers (转办) and returns (退回) counted against the department that bounced the task, from the audit chain */
    get: {
      parameters: {
        query?: {
          since?: string;
          until?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                department: string;
                transfers: number;
                returns: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All accounts (admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                disabled: boolean;
                memberships: {
                  department?: string;
                  /** @enum {unknown} */
                  role: 'admin' | 'supervisor' | 'staff' | 'grid' | 'resident';
                }[];
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create an account with its memberships (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            displayName: string;
            password: string;
            memberships: {
              department?: string;
              /** @enum {unknown} */
              role: 'admin' | 'supervisor' | 'staff' | 'grid' | 'resident';
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              username: string;
              displayName: string;
              disabled?: boolean;
              memberships: {
                department?: string;
                /** @enum {unknown} */
                role: 'admin' | 'supervisor' | 'staff' | 'grid' | 'resident';
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All versions of all definitions */
    get: {
      parameters: {
        query?: {
          kind?: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                /** @enum {unknown} */
                kind: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
                key: string;
                version: number;
                /** @enum {unknown} */
                status: 'draft' | 'published' | 'retired';
                contentHash: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                publishedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Upload a new draft version */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            version: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: number;
              /** @enum {unknown} */
              kind: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
              key: string;
              version: number;
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'retired';
              contentHash: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              publishedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/schemas/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The published JSON Schema of a definition kind */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          kind: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Validate without storing: every problem with its path */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              valid: boolean;
              problems: {
                path: string;
                code: string;
                message: string;
                messages: {
                  'zh-CN': string;
                  en: string;
                };
              }[];
              warnings?: {
                path: string;
                code: string;
                message: string;
                messages: {
                  'zh-CN': string;
                  en: string;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{kind}/{key}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The versions of one definition */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          kind: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                /** @enum {unknown} */
                kind: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
                key: string;
                version: number;
                /** @enum {unknown} */
                status: 'draft' | 'published' | 'retired';
                contentHash: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                publishedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{kind}/{key}/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version with its body and its text as written (source) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          kind: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
          key: string;
          version: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: number;
              /** @enum {unknown} */
              kind: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
              key: string;
              version: number;
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'retired';
              contentHash: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              publishedAt: string | null;
              body: {
                [key: string]: unknown;
              };
              source: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{kind}/{key}/{version}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish a draft (published versions never change) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          kind: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
          key: string;
          version: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: number;
              /** @enum {unknown} */
              kind: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
              key: string;
              version: number;
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'retired';
              contentHash: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              publishedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{kind}/{key}/{version}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire a published version */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          kind: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
          key: string;
          version: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: number;
              /** @enum {unknown} */
              kind: 'department' | 'calendar' | 'matter' | 'form' | 'workflow' | 'bundle';
              key: string;
              version: number;
              /** @enum {unknown} */
              status: 'draft' | 'published' | 'retired';
              contentHash: string;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              publishedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/services': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What residents can apply for: the published matters at the version in force, and their forms */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                key: string;
                version: number;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                description?: {
                  'zh-CN': string;
                  en: string;
                };
                category: string;
                lead: string;
                cooperating: string[];
                departmentNames: {
                  [key: string]: {
                    'zh-CN': string;
                    en: string;
                  };
                };
                legalBasis: {
                  'zh-CN': string;
                  en: string;
                }[];
                eventTypes: string[];
                initials: string;
                /** Format: date-time */
                promisedBy: string | null;
                timeLimit: {
                  workingDays?: number;
                  workingHours?: number;
                  duration?: string;
                };
                materials: {
                  key: string;
                  title: {
                    'zh-CN': string;
                    en: string;
                  };
                  required: boolean;
                  accept?: string[];
                }[];
                form: {
                  /** @enum {unknown} */
                  kind: 'form';
                  key: string;
                  version: number;
                  title: {
                    'zh-CN': string;
                    en: string;
                  };
                  description?: {
                    'zh-CN': string;
                    en: string;
                  };
                  schema: {
                    [key: string]: unknown;
                  };
                  uischema?: {
                    [key: string]: unknown;
                  };
                  notice?: {
                    'zh-CN': string;
                    en: string;
                  };
                } | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/responsibility-list.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The responsibility list in force, one matter a row (CSV for spreadsheets) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The responsibility list, one matter a row */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/responsibility-list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import an edited responsibility list (text/csv): changed matters are published as new versions */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              published: string[];
              unchanged: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bundles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The one-thing bundles residents can apply for (一件事) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                key: string;
                version: number;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                description?: {
                  'zh-CN': string;
                  en: string;
                };
                matters: string[];
                initials: string;
                workingDays: number | null;
                /** Format: date-time */
                promisedBy: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bundles/{key}/form': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A bundle's combined form: JSON Schema, JSON Forms UI schema, notice, shared data elements */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bundle: string;
              version: number;
              title: {
                'zh-CN': string;
                en: string;
              };
              schema: {
                [key: string]: unknown;
              };
              uischema: {
                [key: string]: unknown;
              };
              notice: {
                'zh-CN': string;
                en: string;
              };
              elements: {
                element: string;
                path: string[];
                matters: string[];
                shared: boolean;
                sensitive: boolean;
              }[];
              sections: {
                matter: string;
                key: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                when: unknown;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bundles/{key}/applications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply: the combined data, checked with the same schema; one case per included matter */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            data: Record<string, never>;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              bundle: string;
              status: string;
              result: string | null;
              rating: {
                /** @enum {unknown} */
                score: 'good' | 'average' | 'bad';
                reason: string | null;
                /** Format: date-time */
                createdAt: string;
              } | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              closedAt: string | null;
              items: {
                matter: string;
                title: {
                  'zh-CN': string;
                  en: string;
                } | null;
                after: string[];
                status: string;
                /** Format: uuid */
                caseId: string | null;
                /** @enum {unknown} */
                caseStatus: 'active' | 'done' | 'cancelled' | null;
                result: string | null;
                /** Format: date-time */
                dueAt: string | null;
                /** Format: date-time */
                duePausedAt: string | null;
                dueUncertain: boolean;
                dueNote: {
                  'zh-CN': string;
                  en: string;
                } | null;
                workingOn: {
                  department: string;
                  name: {
                    'zh-CN': string;
                    en: string;
                  };
                  status: string;
                  /** Format: date-time */
                  dueAt: string | null;
                  dueUncertain: boolean;
                }[];
                waitingForApplicant: boolean;
                timeline: {
                  seq: number;
                  /** Format: date-time */
                  at: string;
                  action: string;
                  label: {
                    'zh-CN': string;
                    en: string;
                  };
                  /** @enum {unknown} */
                  visibility: 'internal' | 'applicant';
                  by: {
                    /** @enum {unknown} */
                    kind: 'applicant' | 'department' | 'staff' | 'system';
                    department?: string;
                    name: {
                      'zh-CN': string;
                      en: string;
                    };
                  };
                  /** Format: uuid */
                  actorId?: string | null;
                  data: {
                    [key: string]: unknown;
                  };
                  changes?: {
                    field: string;
                    before: unknown;
                    after: unknown;
                  }[];
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bundle-applications/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tracker of one application: every matter, its case and where it stands */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              bundle: string;
              status: string;
              result: string | null;
              rating: {
                /** @enum {unknown} */
                score: 'good' | 'average' | 'bad';
                reason: string | null;
                /** Format: date-time */
                createdAt: string;
              } | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              closedAt: string | null;
              items: {
                matter: string;
                title: {
                  'zh-CN': string;
                  en: string;
                } | null;
                after: string[];
                status: string;
                /** Format: uuid */
                caseId: string | null;
                /** @enum {unknown} */
                caseStatus: 'active' | 'done' | 'cancelled' | null;
                result: string | null;
                /** Format: date-time */
                dueAt: string | null;
                /** Format: date-time */
                duePausedAt: string | null;
                dueUncertain: boolean;
                dueNote: {
                  'zh-CN': string;
                  en: string;
                } | null;
                workingOn: {
                  department: string;
                  name: {
                    'zh-CN': string;
                    en: string;
                  };
                  status: string;
                  /** Format: date-time */
                  dueAt: string | null;
                  dueUncertain: boolean;
                }[];
                waitingForApplicant: boolean;
                timeline: {
                  seq: number;
                  /** Format: date-time */
                  at: string;
                  action: string;
                  label: {
                    'zh-CN': string;
                    en: string;
                  };
                  /** @enum {unknown} */
                  visibility: 'internal' | 'applicant';
                  by: {
                    /** @enum {unknown} */
                    kind: 'applicant' | 'department' | 'staff' | 'system';
                    department?: string;
                    name: {
                      'zh-CN': string;
                      en: string;
                    };
                  };
                  /** Format: uuid */
                  actorId?: string | null;
                  data: {
                    [key: string]: unknown;
                  };
                  changes?: {
                    field: string;
                    before: unknown;
                    after: unknown;
                  }[];
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bundle-applications/{id}/rating': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rate a closed application as a whole (好差评): good, average or bad, with a reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            score: 'good' | 'average' | 'bad';
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              applicationId: string;
              /** Format: uuid */
              raterId: string;
              /** @enum {unknown} */
              score: 'good' | 'average' | 'bad';
              reason: string | null;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/bundles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My bundle applications, newest first: each one's id leads to its tracker (GET /api/bundle-applications/:id) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                bundle: string;
                version: number;
                title: {
                  'zh-CN': string;
                  en: string;
                } | null;
                status: string;
                result: string | null;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                closedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/drafts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Save an application to finish later; the answer holds its resume token */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            kind: 'matter' | 'bundle';
            key: string;
            data: Record<string, never>;
            step?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              ownerId: string | null;
              /** @enum {unknown} */
              kind: 'matter' | 'bundle';
              key: string;
              data: {
                [key: string]: unknown;
              };
              step: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              /** Format: date-time */
              expiresAt: string;
              token: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/drafts/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Resume a draft with its token, from any device */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              ownerId: string | null;
              /** @enum {unknown} */
              kind: 'matter' | 'bundle';
              key: string;
              data: {
                [key: string]: unknown;
              };
              step: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    /** Save a draft again (its expiry starts over) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            data: Record<string, never>;
            step?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              ownerId: string | null;
              /** @enum {unknown} */
              kind: 'matter' | 'bundle';
              key: string;
              data: {
                [key: string]: unknown;
              };
              step: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    post?: never;
    /** Throw a draft away (after submitting it, say) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/drafts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My saved applications (signed in when I saved them) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                ownerId: string | null;
                /** @enum {unknown} */
                kind: 'matter' | 'bundle';
                key: string;
                data: {
                  [key: string]: unknown;
                };
                step: number;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                /** Format: date-time */
                expiresAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/drafts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my saved applications */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              ownerId: string | null;
              /** @enum {unknown} */
              kind: 'matter' | 'bundle';
              key: string;
              data: {
                [key: string]: unknown;
              };
              step: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The data elements kept from my applications (collect once) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                element: string;
                value: unknown;
                sensitive: boolean;
                /** Format: date-time */
                confirmedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Forget every kept data element */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              removed: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/prefill': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A matter's or a bundle's form data from my kept elements, and which fields were prefilled */
    get: {
      parameters: {
        query?: {
          matter?: string;
          bundle?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                [key: string]: unknown;
              };
              prefilled: {
                path: string;
                element: string;
                sensitive: boolean;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search the cases of the departments I work in or supervise */
    get: {
      parameters: {
        query?: {
          status?: 'active' | 'done' | 'cancelled';
          matter?: string;
          openedBefore?: string;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                matter: string | null;
                /** @enum {unknown} */
                status: 'active' | 'done' | 'cancelled';
                result: string | null;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                dueAt: string | null;
                /** Format: date-time */
                duePausedAt: string | null;
                dueUncertain: boolean;
                dueNote: {
                  'zh-CN': string;
                  en: string;
                } | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Apply: start a case of a matter (or a workflow) with the application form data */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            matter?: string;
            workflow?: string;
            data: Record<string, never>;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              title: {
                'zh-CN': string;
                en: string;
              };
              internal: boolean;
              matter: string | null;
              workflow: {
                key: string;
                version: number;
              };
              /** @enum {unknown} */
              status: 'active' | 'done' | 'cancelled';
              result: string | null;
              state:
                | {
                    [key: string]: unknown;
                  }
                | string
                | Record<string, never>;
              data: {
                [key: string]: unknown;
              };
              masked: string[];
              supplement: {
                /** Format: uuid */
                taskId: string;
                department: string;
                items: string[];
                reason: string;
                /** Format: date-time */
                requestedAt: string;
              } | null;
              version: number;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              dueAt: string | null;
              /** Format: date-time */
              duePausedAt: string | null;
              dueUncertain: boolean;
              dueNote: {
                'zh-CN': string;
                en: string;
              } | null;
              /** Format: date-time */
              closedAt: string | null;
              tasks: {
                /** Format: uuid */
                id: string;
                state: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                department: string;
                departmentName?: {
                  'zh-CN': string;
                  en: string;
                };
                /** Format: uuid */
                assigneeId?: string | null;
                /** @enum {unknown} */
                status: 'open' | 'waiting' | 'completed' | 'cancelled';
                outcome: string | null;
                reason: string | null;
                priority?: string;
                flag?: string;
                outcomes?: {
                  key: string;
                  title?: {
                    'zh-CN': string;
                    en: string;
                  };
                  /** @enum {unknown} */
                  reason: 'required' | 'optional';
                }[];
                form?: string | null;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                dueAt: string | null;
                dueUncertain: boolean;
                /** Format: date-time */
                closedAt: string | null;
              }[];
              timeline: {
                seq: number;
                /** Format: date-time */
                at: string;
                action: string;
                label: {
                  'zh-CN': string;
                  en: string;
                };
                /** @enum {unknown} */
                visibility: 'internal' | 'applicant';
                by: {
                  /** @enum {unknown} */
                  kind: 'applicant' | 'department' | 'staff' | 'system';
                  department?: string;
                  name: {
                    'zh-CN': string;
                    en: string;
                  };
                };
                /** Format: uuid */
                actorId?: string | null;
                data: {
                  [key: string]: unknown;
                };
                changes?: {
                  field: string;
                  before: unknown;
                  after: unknown;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My applications */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                /** @enum {unknown} */
                status: 'active' | 'done' | 'cancelled';
                result: string | null;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                dueAt: string | null;
                /** Format: date-time */
                duePausedAt: string | null;
                dueUncertain: boolean;
                dueNote: {
                  'zh-CN': string;
                  en: string;
                } | null;
                /** Format: date-time */
                closedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One case with its tasks and timeline; sensitive values are masked at every depth unless revealed by JSON pointer (each reveal is audited) */
    get: {
      parameters: {
        query?: {
          reveal?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              title: {
                'zh-CN': string;
                en: string;
              };
              internal: boolean;
              matter: string | null;
              workflow: {
                key: string;
                version: number;
              };
              /** @enum {unknown} */
              status: 'active' | 'done' | 'cancelled';
              result: string | null;
              state:
                | {
                    [key: string]: unknown;
                  }
                | string
                | Record<string, never>;
              data: {
                [key: string]: unknown;
              };
              masked: string[];
              supplement: {
                /** Format: uuid */
                taskId: string;
                department: string;
                items: string[];
                reason: string;
                /** Format: date-time */
                requestedAt: string;
              } | null;
              version: number;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              dueAt: string | null;
              /** Format: date-time */
              duePausedAt: string | null;
              dueUncertain: boolean;
              dueNote: {
                'zh-CN': string;
                en: string;
              } | null;
              /** Format: date-time */
              closedAt: string | null;
              tasks: {
                /** Format: uuid */
                id: string;
                state: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                department: string;
                departmentName?: {
                  'zh-CN': string;
                  en: string;
                };
                /** Format: uuid */
                assigneeId?: string | null;
                /** @enum {unknown} */
                status: 'open' | 'waiting' | 'completed' | 'cancelled';
                outcome: string | null;
                reason: string | null;
                priority?: string;
                flag?: string;
                outcomes?: {
                  key: string;
                  title?: {
                    'zh-CN': string;
                    en: string;
                  };
                  /** @enum {unknown} */
                  reason: 'required' | 'optional';
                }[];
                form?: string | null;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                dueAt: string | null;
                dueUncertain: boolean;
                /** Format: date-time */
                closedAt: string | null;
              }[];
              timeline: {
                seq: number;
                /** Format: date-time */
                at: string;
                action: string;
                label: {
                  'zh-CN': string;
                  en: string;
                };
                /** @enum {unknown} */
                visibility: 'internal' | 'applicant';
                by: {
                  /** @enum {unknown} */
                  kind: 'applicant' | 'department' | 'staff' | 'system';
                  department?: string;
                  name: {
                    'zh-CN': string;
                    en: string;
                  };
                };
                /** Format: uuid */
                actorId?: string | null;
                data: {
                  [key: string]: unknown;
                };
                changes?: {
                  field: string;
                  before: unknown;
                  after: unknown;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw an application (applicant) or cancel a case (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              title: {
                'zh-CN': string;
                en: string;
              };
              internal: boolean;
              matter: string | null;
              workflow: {
                key: string;
                version: number;
              };
              /** @enum {unknown} */
              status: 'active' | 'done' | 'cancelled';
              result: string | null;
              state:
                | {
                    [key: string]: unknown;
                  }
                | string
                | Record<string, never>;
              data: {
                [key: string]: unknown;
              };
              masked: string[];
              supplement: {
                /** Format: uuid */
                taskId: string;
                department: string;
                items: string[];
                reason: string;
                /** Format: date-time */
                requestedAt: string;
              } | null;
              version: number;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              dueAt: string | null;
              /** Format: date-time */
              duePausedAt: string | null;
              dueUncertain: boolean;
              dueNote: {
                'zh-CN': string;
                en: string;
              } | null;
              /** Format: date-time */
              closedAt: string | null;
              tasks: {
                /** Format: uuid */
                id: string;
                state: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                department: string;
                departmentName?: {
                  'zh-CN': string;
                  en: string;
                };
                /** Format: uuid */
                assigneeId?: string | null;
                /** @enum {unknown} */
                status: 'open' | 'waiting' | 'completed' | 'cancelled';
                outcome: string | null;
                reason: string | null;
                priority?: string;
                flag?: string;
                outcomes?: {
                  key: string;
                  title?: {
                    'zh-CN': string;
                    en: string;
                  };
                  /** @enum {unknown} */
                  reason: 'required' | 'optional';
                }[];
                form?: string | null;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                dueAt: string | null;
                dueUncertain: boolean;
                /** Format: date-time */
                closedAt: string | null;
              }[];
              timeline: {
                seq: number;
                /** Format: date-time */
                at: string;
                action: string;
                label: {
                  'zh-CN': string;
                  en: string;
                };
                /** @enum {unknown} */
                visibility: 'internal' | 'applicant';
                by: {
                  /** @enum {unknown} */
                  kind: 'applicant' | 'department' | 'staff' | 'system';
                  department?: string;
                  name: {
                    'zh-CN': string;
                    en: string;
                  };
                };
                /** Format: uuid */
                actorId?: string | null;
                data: {
                  [key: string]: unknown;
                };
                changes?: {
                  field: string;
                  before: unknown;
                  after: unknown;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/supplements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer a request for supplements (applicant) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            data: Record<string, never>;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              title: {
                'zh-CN': string;
                en: string;
              };
              internal: boolean;
              matter: string | null;
              workflow: {
                key: string;
                version: number;
              };
              /** @enum {unknown} */
              status: 'active' | 'done' | 'cancelled';
              result: string | null;
              state:
                | {
                    [key: string]: unknown;
                  }
                | string
                | Record<string, never>;
              data: {
                [key: string]: unknown;
              };
              masked: string[];
              supplement: {
                /** Format: uuid */
                taskId: string;
                department: string;
                items: string[];
                reason: string;
                /** Format: date-time */
                requestedAt: string;
              } | null;
              version: number;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              dueAt: string | null;
              /** Format: date-time */
              duePausedAt: string | null;
              dueUncertain: boolean;
              dueNote: {
                'zh-CN': string;
                en: string;
              } | null;
              /** Format: date-time */
              closedAt: string | null;
              tasks: {
                /** Format: uuid */
                id: string;
                state: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                department: string;
                departmentName?: {
                  'zh-CN': string;
                  en: string;
                };
                /** Format: uuid */
                assigneeId?: string | null;
                /** @enum {unknown} */
                status: 'open' | 'waiting' | 'completed' | 'cancelled';
                outcome: string | null;
                reason: string | null;
                priority?: string;
                flag?: string;
                outcomes?: {
                  key: string;
                  title?: {
                    'zh-CN': string;
                    en: string;
                  };
                  /** @enum {unknown} */
                  reason: 'required' | 'optional';
                }[];
                form?: string | null;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                dueAt: string | null;
                dueUncertain: boolean;
                /** Format: date-time */
                closedAt: string | null;
              }[];
              timeline: {
                seq: number;
                /** Format: date-time */
                at: string;
                action: string;
                label: {
                  'zh-CN': string;
                  en: string;
                };
                /** @enum {unknown} */
                visibility: 'internal' | 'applicant';
                by: {
                  /** @enum {unknown} */
                  kind: 'applicant' | 'department' | 'staff' | 'system';
                  department?: string;
                  name: {
                    'zh-CN': string;
                    en: string;
                  };
                };
                /** Format: uuid */
                actorId?: string | null;
                data: {
                  [key: string]: unknown;
                };
                changes?: {
                  field: string;
                  before: unknown;
                  after: unknown;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/corrections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Correct the application's own data (staff handling the case), with a reason: validated against the application form, before and after kept in the audit chain, the applicant told */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            data: Record<string, never>;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              title: {
                'zh-CN': string;
                en: string;
              };
              internal: boolean;
              matter: string | null;
              workflow: {
                key: string;
                version: number;
              };
              /** @enum {unknown} */
              status: 'active' | 'done' | 'cancelled';
              result: string | null;
              state:
                | {
                    [key: string]: unknown;
                  }
                | string
                | Record<string, never>;
              data: {
                [key: string]: unknown;
              };
              masked: string[];
              supplement: {
                /** Format: uuid */
                taskId: string;
                department: string;
                items: string[];
                reason: string;
                /** Format: date-time */
                requestedAt: string;
              } | null;
              version: number;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              dueAt: string | null;
              /** Format: date-time */
              duePausedAt: string | null;
              dueUncertain: boolean;
              dueNote: {
                'zh-CN': string;
                en: string;
              } | null;
              /** Format: date-time */
              closedAt: string | null;
              tasks: {
                /** Format: uuid */
                id: string;
                state: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                department: string;
                departmentName?: {
                  'zh-CN': string;
                  en: string;
                };
                /** Format: uuid */
                assigneeId?: string | null;
                /** @enum {unknown} */
                status: 'open' | 'waiting' | 'completed' | 'cancelled';
                outcome: string | null;
                reason: string | null;
                priority?: string;
                flag?: string;
                outcomes?: {
                  key: string;
                  title?: {
                    'zh-CN': string;
                    en: string;
                  };
                  /** @enum {unknown} */
                  reason: 'required' | 'optional';
                }[];
                form?: string | null;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                dueAt: string | null;
                dueUncertain: boolean;
                /** Format: date-time */
                closedAt: string | null;
              }[];
              timeline: {
                seq: number;
                /** Format: date-time */
                at: string;
                action: string;
                label: {
                  'zh-CN': string;
                  en: string;
                };
                /** @enum {unknown} */
                visibility: 'internal' | 'applicant';
                by: {
                  /** @enum {unknown} */
                  kind: 'applicant' | 'department' | 'staff' | 'system';
                  department?: string;
                  name: {
                    'zh-CN': string;
                    en: string;
                  };
                };
                /** Format: uuid */
                actorId?: string | null;
                data: {
                  [key: string]: unknown;
                };
                changes?: {
                  field: string;
                  before: unknown;
                  after: unknown;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A department's tasks, or those of every department I work in when none is named, sorted by due time, with keyset pagination */
    get: {
      parameters: {
        query?: {
          department?: string;
          status?: 'open' | 'waiting' | 'completed' | 'cancelled';
          overdue?: boolean;
          dueBefore?: string;
          matter?: string;
          assignee?: ('me' | 'none') | string;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                caseId: string;
                state: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                matter: string | null;
                department: string;
                /** Format: uuid */
                assigneeId: string | null;
                /** @enum {unknown} */
                status: 'open' | 'waiting' | 'completed' | 'cancelled';
                priority: string;
                flag: string;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                dueAt: string | null;
                dueUncertain: boolean;
                /** Format: date-time */
                warnAt: string | null;
                overdue: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One task */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              caseId: string;
              state: string;
              title: {
                'zh-CN': string;
                en: string;
              };
              matter: string | null;
              department: string;
              /** Format: uuid */
              assigneeId: string | null;
              /** @enum {unknown} */
              status: 'open' | 'waiting' | 'completed' | 'cancelled';
              priority: string;
              flag: string;
              outcomes: {
                key: string;
                title?: {
                  'zh-CN': string;
                  en: string;
                };
                /** @enum {unknown} */
                reason: 'required' | 'optional';
              }[];
              outcome: string | null;
              reason: string | null;
              form: string | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              dueAt: string | null;
              dueUncertain: boolean;
              /** Format: date-time */
              warnAt: string | null;
              /** Format: date-time */
              closedAt: string | null;
              /** Format: uuid */
              closedBy: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take a task from the shared inbox */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              caseId: string;
              state: string;
              title: {
                'zh-CN': string;
                en: string;
              };
              matter: string | null;
              department: string;
              /** Format: uuid */
              assigneeId: string | null;
              /** @enum {unknown} */
              status: 'open' | 'waiting' | 'completed' | 'cancelled';
              priority: string;
              flag: string;
              outcomes: {
                key: string;
                title?: {
                  'zh-CN': string;
                  en: string;
                };
                /** @enum {unknown} */
                reason: 'required' | 'optional';
              }[];
              outcome: string | null;
              reason: string | null;
              form: string | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              dueAt: string | null;
              dueUncertain: boolean;
              /** Format: date-time */
              warnAt: string | null;
              /** Format: date-time */
              closedAt: string | null;
              /** Format: uuid */
              closedBy: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put a claimed task back */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              caseId: string;
              state: string;
              title: {
                'zh-CN': string;
                en: string;
              };
              matter: string | null;
              department: string;
              /** Format: uuid */
              assigneeId: string | null;
              /** @enum {unknown} */
              status: 'open' | 'waiting' | 'completed' | 'cancelled';
              priority: string;
              flag: string;
              outcomes: {
                key: string;
                title?: {
                  'zh-CN': string;
                  en: string;
                };
                /** @enum {unknown} */
                reason: 'required' | 'optional';
              }[];
              outcome: string | null;
              reason: string | null;
              form: string | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              dueAt: string | null;
              dueUncertain: boolean;
              /** Format: date-time */
              warnAt: string | null;
              /** Format: date-time */
              closedAt: string | null;
              /** Format: uuid */
              closedBy: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give an outcome, with the task form data */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            outcome: string;
            data?: Record<string, never>;
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              caseId: string;
              /** @enum {unknown} */
              caseStatus: 'active' | 'done' | 'cancelled';
              caseVersion: number;
              state:
                | {
                    [key: string]: unknown;
                  }
                | string
                | Record<string, never>;
              openedTasks: {
                /** Format: uuid */
                id: string;
                state: string;
                department: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Transfer to another department (转办), with a reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            toDepartment: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              caseId: string;
              /** @enum {unknown} */
              caseStatus: 'active' | 'done' | 'cancelled';
              caseVersion: number;
              state:
                | {
                    [key: string]: unknown;
                  }
                | string
                | Record<string, never>;
              openedTasks: {
                /** Format: uuid */
                id: string;
                state: string;
                department: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Return to the earlier step (退回), with a reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              caseId: string;
              /** @enum {unknown} */
              caseStatus: 'active' | 'done' | 'cancelled';
              caseVersion: number;
              state:
                | {
                    [key: string]: unknown;
                  }
                | string
                | Record<string, never>;
              openedTasks: {
                /** Format: uuid */
                id: string;
                state: string;
                department: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/request-supplements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask the applicant, once, for exactly what is missing (补正); the clock pauses */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            items: string[];
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              caseId: string;
              /** @enum {unknown} */
              caseStatus: 'active' | 'done' | 'cancelled';
              caseVersion: number;
              state:
                | {
                    [key: string]: unknown;
                  }
                | string
                | Record<string, never>;
              openedTasks: {
                /** Format: uuid */
                id: string;
                state: string;
                department: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/priority': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change priority (supervisor); a tiered SLA may change with it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            priority: 'normal' | 'high' | 'urgent';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              caseId: string;
              caseVersion: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Comments on a case: departments read all of them, the applicant their own and those marked for them (by department, not by person) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                caseId: string;
                /** Format: uuid */
                taskId: string | null;
                /** Format: uuid */
                authorId?: string;
                body: string;
                /** @enum {unknown} */
                visibility: 'applicant' | 'internal';
                /** Format: date-time */
                createdAt: string;
                by?: {
                  /** @enum {unknown} */
                  kind: 'applicant' | 'department' | 'staff' | 'system';
                  department?: string;
                  name: {
                    'zh-CN': string;
                    en: string;
                  };
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Comment on a case: staff comments are internal unless marked for the applicant (visibility: applicant); the applicant's are theirs to see */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
            /** Format: uuid */
            taskId?: string;
            /** @enum {unknown} */
            visibility?: 'applicant' | 'internal';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              caseId: string;
              /** Format: uuid */
              taskId: string | null;
              /** Format: uuid */
              authorId?: string;
              body: string;
              /** @enum {unknown} */
              visibility: 'applicant' | 'internal';
              /** Format: date-time */
              createdAt: string;
              by?: {
                /** @enum {unknown} */
                kind: 'applicant' | 'department' | 'staff' | 'system';
                department?: string;
                name: {
                  'zh-CN': string;
                  en: string;
                };
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The documents of a case */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                caseId: string;
                /** Format: uuid */
                taskId: string | null;
                material: string | null;
                name: string;
                contentType: string;
                size: number;
                sha256: string;
                /** Format: uuid */
                uploadedBy?: string;
                /** Format: date-time */
                createdAt: string;
                by?: {
                  /** @enum {unknown} */
                  kind: 'applicant' | 'department' | 'staff' | 'system';
                  department?: string;
                  name: {
                    'zh-CN': string;
                    en: string;
                  };
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Attach a document: the file itself as the body (PDF, JPEG, PNG or WebP, at most 10 MB), its type as Content-Type
     * @description The type is read from the file's first bytes and must be the one declared, and one the material accepts if `material` names one of the matter's materials; else 415.
     */
    post: {
      parameters: {
        query: {
          name: string;
          taskId?: string;
          material?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              caseId: string;
              /** Format: uuid */
              taskId: string | null;
              material: string | null;
              name: string;
              contentType: string;
              size: number;
              sha256: string;
              /** Format: uuid */
              uploadedBy?: string;
              /** Format: date-time */
              createdAt: string;
              by?: {
                /** @enum {unknown} */
                kind: 'applicant' | 'department' | 'staff' | 'system';
                department?: string;
                name: {
                  'zh-CN': string;
                  en: string;
                };
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/attachments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a document (recorded on the case's audit chain) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file, as uploaded (PDF, JPEG, PNG or WebP) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
            'image/jpeg': string;
            'image/png': string;
            'image/webp': string;
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a file for an application not yet submitted: the file itself as the body (PDF, JPEG, PNG or WebP, at most 10 MB), its type as Content-Type
     * @description The type is read from the file's first bytes and must be the one declared; else 415. The application names the upload by its id; starting the case makes it one of the case's attachments.
     */
    post: {
      parameters: {
        query: {
          name: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              contentType: string;
              size: number;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/uploads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download one of my uploads not yet taken by a case (to show it again after a reload) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file, as uploaded (PDF, JPEG, PNG or WebP) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
            'image/jpeg': string;
            'image/png': string;
            'image/webp': string;
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove one of my uploads not yet taken by a case */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/rating': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A case's rating (null until it is rated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              caseId: string;
              /** Format: uuid */
              raterId: string | null;
              /** @enum {unknown} */
              score: 'good' | 'average' | 'bad';
              reason: string | null;
              /** Format: date-time */
              createdAt: string;
            } | null;
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Rate a closed case (好差评): good, average or bad, with a reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            score: 'good' | 'average' | 'bad';
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              caseId: string;
              /** Format: uuid */
              raterId: string | null;
              /** @enum {unknown} */
              score: 'good' | 'average' | 'bad';
              reason: string | null;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/choices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What a report may name: the event types the responsibility list's grid-event matters handle, and the communities */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categories: {
                key: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                department: {
                  'zh-CN': string;
                  en: string;
                };
              }[];
              communities: {
                key: string;
                title: {
                  'zh-CN': string;
                  en: string;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report a neighbourhood problem (随手拍), with or without an account: routed by its category to the lead department; answers a follow code */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            category: string;
            description: string;
            place: string;
            community: string;
            position?: {
              lat: number;
              lng: number;
              accuracy?: number;
            };
            photos?: {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {unknown} */
              type: 'image/jpeg' | 'image/png' | 'image/webp';
              size: number;
            }[];
            phone?: string;
            uploadToken?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              caseId: string;
              title: {
                'zh-CN': string;
                en: string;
              };
              category: string | null;
              place: string | null;
              /** @enum {unknown} */
              status: 'active' | 'done' | 'cancelled';
              step: {
                'zh-CN': string;
                en: string;
              } | null;
              department: {
                code: string;
                name: {
                  'zh-CN': string;
                  en: string;
                };
              } | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              dueAt: string | null;
              /** Format: date-time */
              closedAt: string | null;
              timeline: {
                /** Format: date-time */
                at: string;
                what: {
                  'zh-CN': string;
                  en: string;
                };
                who: {
                  'zh-CN': string;
                  en: string;
                };
              }[];
              feedback: {
                text: string;
                department: {
                  'zh-CN': string;
                  en: string;
                };
                /** Format: date-time */
                at: string;
              } | null;
              rating: {
                /** @enum {unknown} */
                score: 'good' | 'average' | 'bad';
                reason: string | null;
                /** Format: date-time */
                createdAt: string;
              } | null;
              canRate: boolean;
              code: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Follow a report by its code: where it stands, which department has it, the promised date, the timeline in plain words, the feedback, the rating */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              caseId: string;
              title: {
                'zh-CN': string;
                en: string;
              };
              category: string | null;
              place: string | null;
              /** @enum {unknown} */
              status: 'active' | 'done' | 'cancelled';
              step: {
                'zh-CN': string;
                en: string;
              } | null;
              department: {
                code: string;
                name: {
                  'zh-CN': string;
                  en: string;
                };
              } | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              dueAt: string | null;
              /** Format: date-time */
              closedAt: string | null;
              timeline: {
                /** Format: date-time */
                at: string;
                what: {
                  'zh-CN': string;
                  en: string;
                };
                who: {
                  'zh-CN': string;
                  en: string;
                };
              }[];
              feedback: {
                text: string;
                department: {
                  'zh-CN': string;
                  en: string;
                };
                /** Format: date-time */
                at: string;
              } | null;
              rating: {
                /** @enum {unknown} */
                score: 'good' | 'average' | 'bad';
                reason: string | null;
                /** Format: date-time */
                createdAt: string;
              } | null;
              canRate: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/{code}/rating': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rate a closed report by its code (好差评): good, average or bad with a reason, once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {unknown} */
            score: 'good' | 'average' | 'bad';
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              caseId: string;
              title: {
                'zh-CN': string;
                en: string;
              };
              category: string | null;
              place: string | null;
              /** @enum {unknown} */
              status: 'active' | 'done' | 'cancelled';
              step: {
                'zh-CN': string;
                en: string;
              } | null;
              department: {
                code: string;
                name: {
                  'zh-CN': string;
                  en: string;
                };
              } | null;
              /** Format: date-time */
              openedAt: string;
              /** Format: date-time */
              dueAt: string | null;
              /** Format: date-time */
              closedAt: string | null;
              timeline: {
                /** Format: date-time */
                at: string;
                what: {
                  'zh-CN': string;
                  en: string;
                };
                who: {
                  'zh-CN': string;
                  en: string;
                };
              }[];
              feedback: {
                text: string;
                department: {
                  'zh-CN': string;
                  en: string;
                };
                /** Format: date-time */
                at: string;
              } | null;
              rating: {
                /** @enum {unknown} */
                score: 'good' | 'average' | 'bad';
                reason: string | null;
                /** Format: date-time */
                createdAt: string;
              } | null;
              canRate: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/photos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a photo for a report, with or without an account: the image itself as the body (JPEG, PNG or WebP, at most 5 MB), its type as Content-Type
     * @description The first photo answers an upload token; send it as X-Upload-Token with the next photos and as uploadToken with the report, which names the photos by id.
     */
    post: {
      parameters: {
        query: {
          name: string;
        };
        header?: {
          'x-upload-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              contentType: string;
              size: number;
              /** Format: date-time */
              createdAt: string;
              uploadToken: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/supervise': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open a supervision order (督办) on a task: its department must answer within a limit; internal to departments unless marked for the applicant */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
            respondWithin?: {
              workingDays?: number;
              workingHours?: number;
              duration?: string;
            } & (unknown | unknown | unknown);
            /** @enum {unknown} */
            visibility?: 'applicant' | 'internal';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              caseId: string;
              /** Format: uuid */
              taskId: string | null;
              department: string;
              /** Format: uuid */
              openedBy: string | null;
              /** Format: date-time */
              openedAt: string;
              note?: string | null;
              /** Format: date-time */
              respondBy: string;
              response?: string | null;
              /** Format: date-time */
              respondedAt?: string | null;
              /** @enum {unknown} */
              status: 'open' | 'answered' | 'overdue';
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision-orders/{id}/respond': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer a supervision order in writing (the order's department or its supervisors) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            response: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              caseId: string;
              /** Format: uuid */
              taskId: string | null;
              department: string;
              /** Format: uuid */
              openedBy: string | null;
              /** Format: date-time */
              openedAt: string;
              note?: string | null;
              /** Format: date-time */
              respondBy: string;
              response?: string | null;
              /** Format: date-time */
              respondedAt?: string | null;
              /** @enum {unknown} */
              status: 'open' | 'answered' | 'overdue';
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/supervision-orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A department's supervision orders, open ones first by their limit */
    get: {
      parameters: {
        query: {
          department: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                caseId: string;
                /** Format: uuid */
                taskId: string | null;
                department: string;
                /** Format: uuid */
                openedBy: string | null;
                /** Format: date-time */
                openedAt: string;
                note?: string | null;
                /** Format: date-time */
                respondBy: string;
                response?: string | null;
                /** Format: date-time */
                respondedAt?: string | null;
                /** @enum {unknown} */
                status: 'open' | 'answered' | 'overdue';
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/deputy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Name a deputy for an absence: while away, tasks dispatched to you go to them (null clears either) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            deputyId: string | null;
            /** Format: date-time */
            awayUntil: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              deputyId: string | null;
              /** Format: date-time */
              awayUntil: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/duty': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Go on or off duty in a department you work in (off duty: no tasks from automatic dispatch) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            department: string;
            onDuty: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              department: string;
              onDuty: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user's notifications, and their departments', newest first, each with its text in the caller's language */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          unread?: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                caseId: string | null;
                /** Format: uuid */
                taskId: string | null;
                recipient: string;
                template: string;
                text: string;
                data: {
                  [key: string]: unknown;
                };
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                readAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a notification read (it keeps the first time it was read) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              caseId: string | null;
              /** Format: uuid */
              taskId: string | null;
              recipient: string;
              template: string;
              text: string;
              data: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              readAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Dead letters not yet sent again, newest first (admin) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                queue: string;
                jobId: string;
                name: string;
                data: {
                  [key: string]: unknown;
                };
                error: string;
                attempts: number;
                /** Format: date-time */
                failedAt: string;
                /** Format: date-time */
                retriedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/dead-letters/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a dead letter again as a new job; it leaves the open list (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: number;
              queue: string;
              jobId: string;
              name: string;
              data: {
                [key: string]: unknown;
              };
              error: string;
              attempts: number;
              /** Format: date-time */
              failedAt: string;
              /** Format: date-time */
              retriedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/calendars': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The years each published calendar covers, when it runs out, and which run out within 90 days (administrators) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              calendars: {
                key: string;
                version: number;
                title: {
                  'zh-CN': string;
                  en: string;
                };
                years?: {
                  from: number;
                  to: number;
                } | null;
                /** Format: date */
                endsOn?: string | null;
                daysLeft?: number | null;
                runsOut?: boolean;
              }[];
              runningOut: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string;
              message: string;
              details: {
                path: string;
                message: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
