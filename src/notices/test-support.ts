import { createServer, type AddressInfo, type Server } from 'node:net';
import type { AppContext } from '../app/app-context.ts';
import { noticesDb } from './notice-tables.ts';

/** A minimal SMTP server on 127.0.0.1 (RFC 5321 happy path) that keeps what it receives. */
export async function smtpSink(): Promise<{ server: Server; port: number; received: string[] }> {
  const received: string[] = [];
  const server = createServer((socket) => {
    let data = false;
    let buffer = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (data) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        received.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 5);
        data = false;
        socket.write('250 queued\r\n');
      }
      let nl: number;
      while (!data && (nl = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (verb === 'DATA') {
          data = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else {
          received.push(line);
          socket.write('250 ok\r\n');
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, received };
}

/** A port on 127.0.0.1 that nothing listens on: sending to it fails (ESOCKET). */
export async function closedPort(): Promise<number> {
  const closed = await smtpSink();
  await new Promise((resolve) => closed.server.close(resolve));
  return closed.port;
}

/**
 * The body of a notice decrypted straight from the store, as the customer receives it: for
 * tests standing in for the customer's mailbox (staff never see a one-time code).
 */
export async function noticeBody(ctx: AppContext, noticeId: string): Promise<string> {
  const row = await noticesDb(ctx.store.db)
    .selectFrom('notices')
    .select(['customer_id', 'body_sealed'])
    .where('id', '=', noticeId)
    .executeTakeFirstOrThrow();
  const cipher = (await ctx.keys.ciphersFor(ctx.store.db, [row.customer_id])).get(row.customer_id)!;
  return cipher.decrypt(row.body_sealed, `notice:${noticeId}:body`);
}
