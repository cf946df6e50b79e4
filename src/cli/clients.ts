// `npm run clients -- add|list|disable …`: registered API clients (OAuth2 client credentials).
import { parseArgs } from 'node:util';
import { roles, scopes, type Role } from '../auth/index.js';
import { exitWithError, openCliServices } from './cli-services.js';

const usage = `Cách dùng:
  npm run clients -- add --name "Tên ứng dụng" --role <${roles.join('|')}> [--agency "Cơ quan"] [--scopes a,b]
  npm run clients -- list
  npm run clients -- disable <client_id>

Phạm vi (scope): ${scopes.join(', ')}. Vai trò officer bắt buộc có --agency.
Mặc định: admin nhận mọi quyền; officer và citizen nhận documents:read,documents:write,dossiers:read,dossiers:write.`;

const defaultScopes: Record<Role, string[]> = {
  admin: ['admin'],
  officer: ['documents:read', 'documents:write', 'dossiers:read', 'dossiers:write'],
  leader: ['analytics:read', 'documents:read', 'dossiers:read'],
  citizen: ['documents:read', 'documents:write', 'dossiers:read', 'dossiers:write'],
};

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, agency: { type: 'string' }, scopes: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, argument] = positionals;
  if (values.help || !command || !['add', 'list', 'disable'].includes(command)) {
    console.log(usage);
    process.exit(values.help ? 0 : 1);
  }
  if (command === 'add' && (!values.name || !values.role)) {
    console.error('Thiếu --name hoặc --role.\n\n' + usage);
    process.exit(1);
  }
  if (command === 'disable' && !argument) {
    console.error('Thiếu client_id.\n\n' + usage);
    process.exit(1);
  }
  const services = await openCliServices();
  try {
    if (command === 'add') {
      const role = values.role as Role;
      const { client, clientSecret } = await services.clients.register({
        name: values.name!,
        role,
        agency: values.agency,
        scopes: values.scopes ? values.scopes.split(',').map((scope) => scope.trim()).filter(Boolean) : (defaultScopes[role] ?? []),
      });
      if (values.json) console.log(JSON.stringify({ client_id: client.clientId, client_secret: clientSecret, role: client.role, agency: client.agency, scopes: client.scopes }));
      else {
        console.log(`Đã đăng ký ứng dụng "${client.name}" (${client.role}${client.agency ? `, ${client.agency}` : ''}).`);
        console.log(`  client_id:     ${client.clientId}`);
        console.log(`  client_secret: ${clientSecret}`);
        console.log(`  scopes:        ${client.scopes.join(' ') || '(không)'}`);
        console.log('Khóa bí mật chỉ hiển thị một lần này; hãy lưu lại ở nơi an toàn.');
        console.log(`Lấy mã truy cập: curl -u '${client.clientId}:<client_secret>' -d grant_type=client_credentials http://localhost:${services.config.http.port}/oauth/token`);
      }
    } else if (command === 'list') {
      const clients = await services.clients.list();
      if (values.json) console.log(JSON.stringify(clients));
      else if (!clients.length) console.log('Chưa có ứng dụng nào.');
      else for (const client of clients) console.log(`${client.clientId}\t${client.role}\t${client.agency ?? '-'}\t${client.scopes.join(' ')}\t${client.name}${client.disabledAt ? '\t(đã vô hiệu hóa)' : ''}`);
    } else {
      const disabled = await services.clients.disable(argument!);
      console.log(disabled ? `Đã vô hiệu hóa ${argument}.` : `Không tìm thấy ứng dụng đang hoạt động ${argument}.`);
      if (!disabled) process.exitCode = 1;
    }
  } finally {
    await services.close();
  }
}

main().catch(exitWithError);
