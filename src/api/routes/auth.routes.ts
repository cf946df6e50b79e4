import express, { Router } from 'express';
import { z } from 'zod';
import 'zod-openapi';
import { requireAuth, roles, scopes, type ClientService, type TokenService } from '../../auth/index.js';
import { AppError } from '../../errors/index.js';
import { bearerSecurity, problemResponses } from '../http/common.schemas.js';
import type { OpenApiPaths } from '../http/route-module.js';
import { parseRequest } from '../http/validate.js';

const tokenRequestSchema = z
  .object({
    grant_type: z.literal('client_credentials', { error: 'chỉ hỗ trợ grant_type=client_credentials' }),
    client_id: z.string().min(1).optional().describe('Mã ứng dụng (nếu không dùng HTTP Basic)'),
    client_secret: z.string().min(1).optional().describe('Khóa bí mật (nếu không dùng HTTP Basic)'),
    scope: z.string().optional().describe('Các phạm vi cần cấp, cách nhau bởi dấu cách; mặc định là tất cả phạm vi của ứng dụng'),
  })
  .meta({ id: 'TokenRequest', description: 'OAuth2 client credentials (RFC 6749 §4.4)' });

const tokenResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().describe('Số giây còn hiệu lực'),
    scope: z.string(),
  })
  .meta({ id: 'TokenResponse' });

const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).meta({ id: 'Jwks' });

const registerClientSchema = z
  .object({
    name: z.string().min(1).max(200).describe('Tên ứng dụng/đơn vị sử dụng'),
    role: z.enum(roles).describe('Vai trò'),
    agency: z.string().max(200).optional().describe('Cơ quan (bắt buộc với officer)'),
    scopes: z.array(z.enum(scopes)).default([]).describe('Các phạm vi được cấp'),
  })
  .meta({ id: 'RegisterClientRequest' });

const clientSchema = z
  .object({
    clientId: z.string(),
    name: z.string(),
    role: z.enum(roles),
    agency: z.string().nullable(),
    scopes: z.array(z.string()),
    createdAt: z.iso.datetime(),
    disabledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiClient' });

const registeredClientSchema = z
  .object({ client: clientSchema, clientSecret: z.string().describe('Chỉ hiển thị một lần') })
  .meta({ id: 'RegisteredClient' });

export function authRoutes(deps: { clients: ClientService; tokens: TokenService }): Router {
  const router = Router();

  router.get('/.well-known/jwks.json', (_request, response) => {
    response.setHeader('Cache-Control', 'public, max-age=300');
    response.json(deps.tokens.jwks);
  });

  router.post('/oauth/token', express.urlencoded({ extended: false, limit: '8kb' }), async (request, response) => {
    const body = parseRequest(tokenRequestSchema, request.body ?? {}, 'body');
    let clientId = body.client_id;
    let clientSecret = body.client_secret;
    const basic = /^Basic\s+(\S+)$/i.exec(request.get('authorization') ?? '');
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const separator = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, separator));
      clientSecret = decodeURIComponent(decoded.slice(separator + 1));
    }
    if (!clientId || !clientSecret) {
      throw new AppError({
        status: 401,
        code: 'invalid-client',
        detail: 'Thiếu client_id/client_secret (gửi qua HTTP Basic hoặc trong nội dung biểu mẫu).',
        headers: { 'WWW-Authenticate': 'Basic realm="tro-ly-so"' },
        extensions: { error: 'invalid_client' },
      });
    }
    const token = await deps.clients.issueToken(clientId, clientSecret, body.scope);
    response.setHeader('Cache-Control', 'no-store');
    response.json({ access_token: token.accessToken, token_type: 'Bearer', expires_in: token.expiresIn, scope: token.scope });
  });

  const admin = requireAuth({ roles: ['admin'] });
  router.get('/v1/admin/clients', admin, async (_request, response) => {
    const clients = await deps.clients.list();
    response.json({ items: clients.map(toClientResource) });
  });
  router.post('/v1/admin/clients', admin, async (request, response) => {
    const body = parseRequest(registerClientSchema, request.body, 'body');
    const { client, clientSecret } = await deps.clients.register(body);
    response.status(201).json({ client: toClientResource(client), clientSecret });
  });
  return router;
}

function toClientResource(client: Awaited<ReturnType<ClientService['list']>>[number]) {
  return {
    ...client,
    createdAt: new Date(client.createdAt).toISOString(),
    disabledAt: client.disabledAt ? new Date(client.disabledAt).toISOString() : null,
  };
}

export const authPaths: OpenApiPaths = {
  '/oauth/token': {
    post: {
      tags: ['Xác thực'],
      summary: 'Cấp mã truy cập cho ứng dụng đã đăng ký (OAuth2 client credentials)',
      description: 'Xác thực ứng dụng bằng HTTP Basic (client_id:client_secret) hoặc bằng các trường trong biểu mẫu.',
      requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: tokenRequestSchema } } },
      responses: {
        '200': { description: 'Mã truy cập (JWT ES256)', content: { 'application/json': { schema: tokenResponseSchema } } },
        ...problemResponses(400, 401, 429),
      },
    },
  },
  '/.well-known/jwks.json': {
    get: {
      tags: ['Xác thực'],
      summary: 'Khóa công khai để kiểm tra chữ ký mã truy cập',
      responses: { '200': { description: 'JWKS', content: { 'application/json': { schema: jwksSchema } } } },
    },
  },
  '/v1/admin/clients': {
    get: {
      tags: ['Quản trị'],
      summary: 'Danh sách ứng dụng đã đăng ký',
      security: bearerSecurity,
      responses: {
        '200': { description: 'Danh sách', content: { 'application/json': { schema: z.object({ items: z.array(clientSchema) }) } } },
        ...problemResponses(401, 403, 429),
      },
    },
    post: {
      tags: ['Quản trị'],
      summary: 'Đăng ký ứng dụng mới (trả về khóa bí mật một lần)',
      security: bearerSecurity,
      requestBody: { required: true, content: { 'application/json': { schema: registerClientSchema } } },
      responses: {
        '201': { description: 'Đã đăng ký', content: { 'application/json': { schema: registeredClientSchema } } },
        ...problemResponses(400, 401, 403, 429),
      },
    },
  },
};
