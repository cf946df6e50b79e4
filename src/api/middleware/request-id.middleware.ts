import crypto from 'node:crypto';
import type { RequestHandler } from 'express';

const acceptable = /^[\w.:-]{1,128}$/;

/** Takes the caller's X-Request-Id when it looks sane (the LGSP gateway sets one), else makes one. */
export const requestId: RequestHandler = (request, response, next) => {
  const incoming = request.get('x-request-id');
  const id = incoming && acceptable.test(incoming) ? incoming : crypto.randomUUID();
  request.requestId = id;
  response.setHeader('X-Request-Id', id);
  next();
};
