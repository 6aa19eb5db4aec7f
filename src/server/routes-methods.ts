/** GET /v1/methods and GET /v1/methods/{name}: what the service offers, built from the catalogue. */
import type { FastifyInstance } from 'fastify';
import { describeMethod, getMethod, listMethods } from '../methods/catalogue/catalogue.js';
import { TaskError } from './worker-pool.js';

export function registerMethodRoutes(app: FastifyInstance): void {
  app.get(
    '/v1/methods',
    {
      schema: {
        tags: ['methods'],
        summary: 'every method with its family, inputs and options (types, defaults, allowed values)',
      },
    },
    async () => ({ methods: listMethods().map(describeMethod) }),
  );
  app.get(
    '/v1/methods/:name',
    {
      schema: {
        tags: ['methods'],
        summary: 'one method',
        params: {
          type: 'object',
          properties: { name: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' } },
          required: ['name'],
        },
      },
    },
    async (req) => {
      const { name } = req.params as { name: string };
      try {
        return describeMethod(getMethod(name));
      } catch (err) {
        throw new TaskError((err as Error).message, 404, 'unknown-method');
      }
    },
  );
}
